namespace Marcgate.Catalog.Administration;

/// <summary>How an administrator's request ended.</summary>
public enum AdministrationStatus
{
    /// <summary>It was done (or there was nothing left to do).</summary>
    Done,

    /// <summary>The repository, account, profile, record, version or review item named does not exist.</summary>
    NotFound,

    /// <summary>It was refused: a bad value, or the catalog's state forbids it (the message says why); nothing was changed.</summary>
    Refused,
}
