namespace Marcgate.Catalog.Storage;

/// <summary>What a cataloger decided for a review item (gateway §7 step 5, <c>code=multiple-matches</c>).</summary>
public enum ReviewDecision
{
    /// <summary>The incoming record was merged into one of the records it matched.</summary>
    Overlaid,

    /// <summary>The incoming record was added as a new record.</summary>
    AddedAsNew,

    /// <summary>The incoming record was thrown away; nothing was stored.</summary>
    Discarded,
}
