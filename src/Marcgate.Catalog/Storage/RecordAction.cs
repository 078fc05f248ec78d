namespace Marcgate.Catalog.Storage;

/// <summary>How a version of a record came to be.</summary>
public enum RecordAction
{
    /// <summary>The record was added (version 1).</summary>
    Added,

    /// <summary>An incoming record overlaid the previous version.</summary>
    Overlaid,
}
