using Marcgate.Catalog.Administration;

namespace Marcgate.Cli.Admin;

/// <summary>What a repository name, logon ID or profile name may look like on the command line.</summary>
internal static class AdminNames
{
    /// <summary>1-64 characters: letters, digits, '_', '-', '.' (Alma logon IDs look like <c>01CARLI_NETWORK</c>).</summary>
    public static bool IsValid(string? name) => CatalogNames.IsValid(name);

    /// <summary>A logon ID as the gateway can carry it (§3.2 short form): 1-191 printable ASCII characters, no spaces.</summary>
    public static bool IsValidLogonId(string? logonId) => CatalogNames.IsValidLogonId(logonId);
}
