namespace Marcgate.Catalog.Storage;

/// <summary>What kind of thing an audit entry's change was made to.</summary>
public enum AuditSubjectKind
{
    /// <summary>A gateway logon, named by its logon ID.</summary>
    Account,

    /// <summary>An import profile.</summary>
    Profile,

    /// <summary>A repository.</summary>
    Repository,

    /// <summary>A staff user of the web console.</summary>
    StaffUser,

    /// <summary>An item of the review list, named by its number.</summary>
    ReviewItem,

    /// <summary>A record, named <c>REPOSITORY/ID</c>.</summary>
    Record,
}
