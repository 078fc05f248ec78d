namespace Marcgate.Catalog.Storage;

/// <summary>Which of the catalog's settings changed, as a store announces them (<see cref="ICatalogChangeFeed"/>).</summary>
[Flags]
public enum CatalogChanges
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>An account was added, changed (password, profile, allowed addresses) or removed.</summary>
    Accounts = 1,

    /// <summary>An import profile was saved or removed.</summary>
    Profiles = 2,

    /// <summary>A repository was added or removed.</summary>
    Repositories = 4,

    /// <summary>Failed logons were recorded or cleared (a lockout began or was lifted).</summary>
    Lockouts = 8,

    /// <summary>Anything may have changed: what was heard of changes may be incomplete.</summary>
    All = Accounts | Profiles | Repositories | Lockouts,
}
