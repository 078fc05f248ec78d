namespace Marcgate.Catalog.Administration;

/// <summary>What repository names, profile names and logon IDs may look like, the same for the command line and the console.</summary>
public static class CatalogNames
{
    /// <summary>1-64 characters: letters, digits, '_', '-', '.' (Alma logon IDs look like <c>01CARLI_NETWORK</c>).</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>A logon ID as the gateway can carry it (§3.2 short form): 1-191 printable ASCII characters, no spaces.</summary>
    public static bool IsValidLogonId(string? logonId) =>
        logonId is { Length: > 0 and <= 191 } && logonId.All(c => c is > ' ' and <= '~');
}
