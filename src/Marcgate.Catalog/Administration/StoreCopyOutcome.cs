namespace Marcgate.Catalog.Administration;

/// <summary>How a store copy ended.</summary>
public enum StoreCopyOutcome
{
    /// <summary>The target holds exactly what the source holds, item by item.</summary>
    Verified,

    /// <summary>The target held data the source does not, or holds differently; nothing was copied.</summary>
    Refused,

    /// <summary>The copy ran but the target does not hold what the source holds (the source changed meanwhile, or a write was lost).</summary>
    Differs,
}
