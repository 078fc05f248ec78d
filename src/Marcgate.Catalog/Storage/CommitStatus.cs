namespace Marcgate.Catalog.Storage;

/// <summary>What a <see cref="ICatalogStore.CommitAsync"/> did.</summary>
public enum CommitStatus
{
    /// <summary>A new record was stored as version 1.</summary>
    Added,

    /// <summary>A new version of the existing record was stored; the previous one is kept.</summary>
    Overlaid,

    /// <summary>The content equals the current version's: nothing new was stored (gateway §7 step 7).</summary>
    Unchanged,

    /// <summary>The existing record is not in the repository at the expected version (a concurrent overlay): nothing was stored; match again.</summary>
    VersionConflict,

    /// <summary>One of the OCLC numbers is indexed by another record of the repository (a concurrent add): nothing was stored; match again.</summary>
    OclcNumberConflict,

    /// <summary>An add with <see cref="RecordCommit.MatchOnContent"/> found a record without numbers holding the same content (a concurrent add): nothing was stored; match again.</summary>
    ContentConflict,
}
