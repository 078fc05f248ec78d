namespace Marcgate.Catalog.Administration;

/// <summary>Whether a field is in both versions compared, only the first, or only the second.</summary>
public enum RecordDiffKind
{
    /// <summary>The same in both.</summary>
    Unchanged,

    /// <summary>Only in the first version.</summary>
    Removed,

    /// <summary>Only in the second version.</summary>
    Added,
}
