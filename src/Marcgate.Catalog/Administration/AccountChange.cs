namespace Marcgate.Catalog.Administration;

/// <summary>What to change of an account, leaving its password and repository as they are; null leaves a setting unchanged.</summary>
/// <param name="LogonId">The account's logon ID.</param>
public sealed record AccountChange(string LogonId)
{
    /// <summary>The import profile to use from now on.</summary>
    public string? ProfileName { get; init; }

    /// <summary>The peer addresses or CIDR ranges allowed from now on; empty allows any address.</summary>
    public IReadOnlyList<string>? AllowedAddresses { get; init; }
}
