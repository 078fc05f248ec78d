using System.Globalization;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Export.Options;

/// <summary>The table of every setting's key, parser and display.</summary>
public static class ExportOptionKeys
{
    /// <summary>Every key, in the order of Connexion's export options screen.</summary>
    public static IReadOnlyList<ExportOptionKey> All { get; } =
    [
        new("format", "Flagged Bibliographic Record Export Format: iso2709 (MARC) or marcxml", false,
            (o, v) => Enum<ExportRecordFormat>("format", v, ("iso2709", ExportRecordFormat.Iso2709), ("marc", ExportRecordFormat.Iso2709), ("marcxml", ExportRecordFormat.MarcXml)) is var (f, e) && e is null ? (o with { RecordFormat = f }, null) : (null, e),
            o => o.RecordFormat == ExportRecordFormat.Iso2709 ? "iso2709" : "marcxml"),
        new("charset", "Character set: utf8 or marc8", false,
            (o, v) => Enum<ExportCharacterSet>("charset", v, ("utf8", ExportCharacterSet.Utf8), ("utf-8", ExportCharacterSet.Utf8), ("marc8", ExportCharacterSet.Marc8), ("marc-8", ExportCharacterSet.Marc8)) is var (c, e) && e is null ? (o with { CharacterSet = c }, null) : (null, e),
            o => o.CharacterSet == ExportCharacterSet.Utf8 ? "utf8" : "marc8"),
        new("export-destination", "Export Destination: tcp (a TCP/IP connection) or file", false,
            (o, v) => Enum<ExportDestinationKind>("export-destination", v, ("tcp", ExportDestinationKind.Tcp), ("file", ExportDestinationKind.File)) is var (d, e) && e is null ? (o with { ExportDestination = d }, null) : (null, e),
            o => o.ExportDestination == ExportDestinationKind.Tcp ? "tcp" : "file"),
        new("file-name", "Export File Name (file destination only)", false,
            (o, v) => (o with { FileName = Blank(v) }, null),
            o => o.FileName ?? string.Empty),
        new("file-type", "Export File Type: individual or single", false,
            (o, v) => Enum<ExportFileType>("file-type", v, ("individual", ExportFileType.Individual), ("single", ExportFileType.Single)) is var (t, e) && e is null ? (o with { FileType = t }, null) : (null, e),
            o => o.FileType == ExportFileType.Individual ? "individual" : "single"),
        new("fields-to-delete", "Fields to Delete on Export: tags or patterns, separated by commas or spaces (029,938,9XX)", false,
            (o, v) => TagPatternList.TryParse(v, out var list, out var e) ? (o with { FieldsToDelete = list }, null) : (null, "fields-to-delete: " + e.Message),
            o => o.FieldsToDelete.ToString()),
        new("validate-bib", "Validate Exported Records: Bibliographic Record: none, structure, basic or full", false,
            (o, v) => Level("validate-bib", v) is var (l, e) && e is null ? (o with { ValidateBibliographic = l }, null) : (null, e),
            o => o.ValidateBibliographic.ToString().ToLowerInvariant()),
        new("validate-auth", "Validate Exported Records: Authority Record: none, structure, basic or full", false,
            (o, v) => Level("validate-auth", v) is var (l, e) && e is null ? (o with { ValidateAuthority = l }, null) : (null, e),
            o => o.ValidateAuthority.ToString().ToLowerInvariant()),
        new("mark-for-export", "Mark for Export and Save Record: on or off", false,
            (o, v) => Switch("mark-for-export", v) is var (b, e) && e is null ? (o with { MarkForExportAndSave = b }, null) : (null, e),
            o => OnOff(o.MarkForExportAndSave)),
        new("host", "Host Name (no scheme)", true,
            (o, v) => (o with { Host = Blank(v) }, null),
            o => o.Host ?? string.Empty),
        new("port", "Port Number (1-65535; 5500 by convention)", true,
            (o, v) => Number("port", v, 1, ExportOptions.MaxPort) is var (n, e) && e is null ? (o with { Port = n }, null) : (null, e),
            o => o.Port.ToString(CultureInfo.InvariantCulture)),
        new("tls", "Connect with TLS (not a Connexion setting; Marcgate hosts offer it on a listener of its own): on or off", true,
            (o, v) => Switch("tls", v) is var (b, e) && e is null ? (o with { Tls = b }, null) : (null, e),
            o => OnOff(o.Tls)),
        new("tls-ca", "TLS: a PEM file of the certificate authorities to trust for the host's certificate instead of the system's", true,
            (o, v) => (o with { TlsCaFile = Blank(v) is { } path ? Path.GetFullPath(path) : null }, null),
            o => o.TlsCaFile ?? string.Empty),
        new("tls-insecure", "TLS: accept any certificate the host presents (a test host only): on or off", true,
            (o, v) => Switch("tls-insecure", v) is var (b, e) && e is null ? (o with { TlsInsecure = b }, null) : (null, e),
            o => OnOff(o.TlsInsecure)),
        new("permanent-connection", "Permanent Connection: on or off", false,
            (o, v) => Switch("permanent-connection", v) is var (b, e) && e is null ? (o with { PermanentConnection = b }, null) : (null, e),
            o => OnOff(o.PermanentConnection)),
        new("notify-host-before-disconnect", "Notify Host before Disconnect (EOT after each record): on or off", false,
            (o, v) => Switch("notify-host-before-disconnect", v) is var (b, e) && e is null ? (o with { NotifyHostBeforeDisconnect = b }, null) : (null, e),
            o => OnOff(o.NotifyHostBeforeDisconnect)),
        new("timeout", "Timeout in seconds for the connection and each reply (more than 0)", false,
            (o, v) => Seconds("timeout", v, allowZero: false) is var (s, e) && e is null ? (o with { Timeout = s }, null) : (null, e),
            o => o.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
        new("retries", "Retries after a failed connect or a lost connection (0 or more)", false,
            (o, v) => Number("retries", v, 0, 1000) is var (n, e) && e is null ? (o with { Retries = n }, null) : (null, e),
            o => o.Retries.ToString(CultureInfo.InvariantCulture)),
        new("delay", "Delay in seconds between attempts (0 or more)", false,
            (o, v) => Seconds("delay", v, allowZero: true) is var (s, e) && e is null ? (o with { Delay = s }, null) : (null, e),
            o => o.Delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
        new("send-logon-id", "Send Logon ID (A and P fields): on or off", false,
            (o, v) => Switch("send-logon-id", v) is var (b, e) && e is null ? (o with { SendLogonId = b }, null) : (null, e),
            o => OnOff(o.SendLogonId)),
        new("logon-id", "Logon ID (e.g. 01CARLI_NETWORK)", true,
            (o, v) => (o with { LogonId = Blank(v) }, null),
            o => o.LogonId ?? string.Empty),
        new("password-env", "Password: the name of the environment variable holding it", true,
            (o, v) => Blank(v) is { } name ? (o with { Password = new PasswordReference(PasswordSource.Environment, name) }, null) : (o with { Password = null }, null),
            o => o.Password?.Kind == PasswordSource.Environment ? o.Password.Name : string.Empty),
        new("password-file", "Password: the path of a secret file holding it on its first line", true,
            (o, v) => Blank(v) is { } path ? (o with { Password = new PasswordReference(PasswordSource.File, Path.GetFullPath(path)) }, null) : (o with { Password = null }, null),
            o => o.Password?.Kind == PasswordSource.File ? o.Password.Name : string.Empty),
        new("send-user-id", "Send User ID (U field): on or off", false,
            (o, v) => Switch("send-user-id", v) is var (b, e) && e is null ? (o with { SendUserId = b }, null) : (null, e),
            o => OnOff(o.SendUserId)),
        new("user-id", "User ID (the cataloger's authorization, e.g. 100-123-456)", true,
            (o, v) => (o with { UserId = Blank(v) }, null),
            o => o.UserId ?? string.Empty),
    ];

    /// <summary>The key with this name (case-insensitive), or null.</summary>
    public static ExportOptionKey? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies one value; the error names the setting.</summary>
    public static ExportOptions? TryApply(ExportOptions options, string key, string value, out string? error)
    {
        var found = Find(key);
        if (found is null)
        {
            error = $"'{key}' is not an export setting; the settings are: {string.Join(", ", All.Select(k => k.Name))}";
            return null;
        }

        var (applied, problem) = found.Parse(options, value);
        error = problem;
        return applied;
    }

    /// <summary>Applies values in order; stops at the first bad one.</summary>
    public static ExportOptions? TryApply(ExportOptions options, IEnumerable<KeyValuePair<string, string>> values, out string? error)
    {
        error = null;
        var current = options;
        foreach (var (key, value) in values)
        {
            current = TryApply(current, key, value, out error);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string OnOff(bool value) => value ? "on" : "off";

    private static (bool, string?) Switch(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "on" or "true" or "yes" or "1" or "checked" => (true, null),
        "off" or "false" or "no" or "0" or "unchecked" => (false, null),
        _ => (false, $"{key}: '{value}' is not on or off"),
    };

    private static (int, string?) Number(string key, string value, int min, int max)
    {
        if (!long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return (0, $"{key}: '{value}' is not a whole number");
        }

        return number < min || number > max ? (0, $"{key}: {number} is out of range ({min}-{max})") : ((int)number, null);
    }

    private static (TimeSpan, string?) Seconds(string key, string value, bool allowZero)
    {
        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return (TimeSpan.Zero, $"{key}: '{value}' is not a number of seconds");
        }

        if (seconds < 0 || (!allowZero && seconds == 0))
        {
            return (TimeSpan.Zero, $"{key}: {value} s; it must be {(allowZero ? "0 or more" : "more than 0")} seconds");
        }

        return seconds > 86_400 ? (TimeSpan.Zero, $"{key}: {value} s is more than a day") : (TimeSpan.FromSeconds(seconds), null);
    }

    private static (ValidationLevel, string?) Level(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "none" => (ValidationLevel.None, null),
        "structure" => (ValidationLevel.Structure, null),
        "basic" => (ValidationLevel.Basic, null),
        "full" => (ValidationLevel.Full, null),
        _ => (ValidationLevel.None, $"{key}: '{value}' is not a validation level (none, structure, basic, full)"),
    };

    private static (T, string?) Enum<T>(string key, string value, params (string Name, T Value)[] choices)
        where T : struct
    {
        foreach (var (name, choice) in choices)
        {
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (choice, null);
            }
        }

        return (default, $"{key}: '{value}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
    }
}
