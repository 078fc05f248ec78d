namespace Marcgate.Catalog.Storage;

/// <summary>What a staff user of the web console may do.</summary>
public enum StaffRole
{
    /// <summary>Everything: repositories, gateway accounts, import profiles, and all a cataloger does.</summary>
    Admin,

    /// <summary>Receipts, records and the review queue; not the pages that change the gateway's set-up.</summary>
    Cataloger,
}
