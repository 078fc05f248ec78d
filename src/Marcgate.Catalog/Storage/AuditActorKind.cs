namespace Marcgate.Catalog.Storage;

/// <summary>Where the name of an audit entry's actor comes from.</summary>
public enum AuditActorKind
{
    /// <summary>The operating system's user who ran a <c>marcgate</c> command.</summary>
    LocalUser,

    /// <summary>The staff user signed in to the web console.</summary>
    StaffUser,
}
