namespace Marcgate.Catalog.Storage;

/// <summary>A gateway logon (the <c>A</c> field, gateway §3.1): the repository it writes and the import profile it uses (§7 step 1).</summary>
/// <param name="LogonId">The logon ID, compared ordinally.</param>
/// <param name="Repository">The only repository this logon writes.</param>
/// <param name="ProfileName">The import profile applied to its records.</param>
/// <param name="Password">The password hash.</param>
public sealed record Account(string LogonId, string Repository, string ProfileName, PasswordHash Password)
{
    /// <summary>Peer addresses or CIDR ranges allowed to use this logon; empty allows any address.</summary>
    public IReadOnlyList<string> AllowedAddresses { get; init; } = [];
}
