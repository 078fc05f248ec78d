namespace Marcgate.Catalog.Storage;

/// <summary>The actions of the audit log, <c>subject.verb</c>.</summary>
public static class AuditActions
{
    /// <summary>A gateway logon was added.</summary>
    public const string AccountAdd = "account.add";

    /// <summary>A gateway logon's password was set.</summary>
    public const string AccountPassword = "account.password";

    /// <summary>A gateway logon was removed.</summary>
    public const string AccountRemove = "account.remove";

    /// <summary>A gateway logon's profile or allowed addresses were changed.</summary>
    public const string AccountSet = "account.set";

    /// <summary>A gateway logon's lockouts were lifted and its failures forgotten.</summary>
    public const string AccountUnlock = "account.unlock";

    /// <summary>An import profile was created or replaced.</summary>
    public const string ProfileSet = "profile.set";

    /// <summary>An import profile was removed.</summary>
    public const string ProfileRemove = "profile.remove";

    /// <summary>A repository was added.</summary>
    public const string RepositoryAdd = "repository.add";

    /// <summary>A repository was removed, with its records.</summary>
    public const string RepositoryRemove = "repository.remove";

    /// <summary>A staff user was added.</summary>
    public const string StaffUserAdd = "staff-user.add";

    /// <summary>A staff user's password was set.</summary>
    public const string StaffUserPassword = "staff-user.password";

    /// <summary>A staff user was removed.</summary>
    public const string StaffUserRemove = "staff-user.remove";

    /// <summary>A review item was resolved: overlaid, added as new or discarded.</summary>
    public const string ReviewResolve = "review-item.resolve";

    /// <summary>A record was reverted to an earlier version.</summary>
    public const string RecordRevert = "record.revert";
}
