using Marcgate.Export.Options;

namespace Marcgate.Web.Cataloging;

/// <summary>
/// The Export Options page's fields, grouped and labelled as in Connexion (General → Admin → Export Options), and the
/// checks of what is typed into them: each value by the setting's own parser, then the options together.
/// </summary>
internal static class ExportOptionsForm
{
    private static readonly (string, string)[] s_levels = [("none", "None"), ("structure", "Structure"), ("basic", "Basic"), ("full", "Full")];
    private static readonly (string, string)[] s_none = [];

    public static IReadOnlyList<ExportOptionGroup> Groups { get; } =
    [
        new("Flagged Bibliographic Record Export Format",
        [
            new("format", "Export Format", "select", [("iso2709", "MARC"), ("marcxml", "MARC XML")]) { Help = "A gateway host accepts MARC only; MARC XML is for files." },
            new("charset", "Character Set", "select", [("utf8", "UTF-8 (Unicode)"), ("marc8", "MARC-8")]),
        ]),
        new("Export Destination",
        [
            new("export-destination", "Export Destination", "radio", [("tcp", "Export to a TCP/IP Connection"), ("file", "Export to a file")]),
            new("file-name", "Export File Name", "text", s_none) { Help = "For a file only: the name of the file you download (not needed for TCP/IP)." },
            new("file-type", "Export File Type", "radio", [("individual", "Individual"), ("single", "Single")])
            {
                Help = "TCP/IP: Individual opens a connection per record, Single one for all. File: Individual gives a file per record (in a zip), Single one file.",
            },
        ]),
        new("Fields to Delete on Export",
        [
            new("fields-to-delete", "Fields to Delete on Export", "text", s_none) { Help = "Tags or patterns separated by commas or spaces, e.g. 029,938,9XX." },
        ]),
        new("Validate Exported Records",
        [
            new("validate-bib", "Bibliographic Record", "select", s_levels),
            new("validate-auth", "Authority Record", "select", s_levels),
        ]),
        new("Mark for Export and Save Record",
        [
            new("mark-for-export", "Mark for Export and Save Record", "checkbox", s_none) { Help = "On: Export on a record saves it and flags it for a later batch instead of sending it." },
        ]),
        new("TCP/IP Connection Options",
        [
            new("host", "Host Name", "text", s_none) { Help = "A host name or address, without a scheme." },
            new("port", "Port Number", "number", s_none) { Help = "1-65535; 5500 by convention." },
        ]),
        new("TCP/IP Host Settings",
        [
            new("permanent-connection", "Permanent Connection", "checkbox", s_none),
            new("notify-host-before-disconnect", "Notify Host before Disconnect", "checkbox", s_none),
            new("timeout", "Timeout (seconds)", "number", s_none),
            new("retries", "Retries", "number", s_none),
            new("delay", "Delay (seconds)", "number", s_none),
        ]),
        new("Local System User Information",
        [
            new("send-logon-id", "Send Logon ID", "checkbox", s_none),
            new("logon-id", "Logon ID", "text", s_none),
            new("send-user-id", "Send User ID", "checkbox", s_none),
            new("user-id", "User ID", "text", s_none),
        ]),
    ];

    public static IEnumerable<ExportOptionField> Fields => Groups.SelectMany(g => g.Fields);

    /// <summary>The form's values for these options, as the settings' own text.</summary>
    public static Dictionary<string, string> ValuesOf(ExportOptions options) =>
        Fields.ToDictionary(f => f.Key, f => ExportOptionKeys.Find(f.Key)!.Show(options), StringComparer.Ordinal);

    /// <summary>The values a posted form holds; an unchecked box is off.</summary>
    public static Dictionary<string, string> ValuesOf(Func<string, string?> form) =>
        Fields.ToDictionary(
            f => f.Key,
            f => f.Input == "checkbox" ? (form(f.Key) is { Length: > 0 } ? "on" : "off") : (form(f.Key) ?? string.Empty).Trim(),
            StringComparer.Ordinal);

    /// <summary>Checks every value, then the options together; the reasons are keyed by the field they concern.</summary>
    public static ExportOptions? Check(IReadOnlyDictionary<string, string> values, out Dictionary<string, string> problems)
    {
        problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = ExportOptions.Default;
        foreach (var field in Fields)
        {
            var (applied, error) = ExportOptionKeys.Find(field.Key)!.Parse(options, values.GetValueOrDefault(field.Key) ?? string.Empty);
            if (applied is null)
            {
                problems[field.Key] = WithoutKey(field.Key, error ?? "not a valid value");
            }
            else
            {
                options = applied;
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        // A host and logon ID left empty may come from the named destination picked when exporting: the export checks them.
        foreach (var problem in options.Check().Where(p => !p.StartsWith("host: no host", StringComparison.Ordinal) && !p.StartsWith("logon-id: Send Logon ID is on but no", StringComparison.Ordinal)))
        {
            var colon = problem.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? problem[..colon] : string.Empty;
            problems.TryAdd(Fields.Any(f => f.Key == key) ? key : string.Empty, WithoutKey(key, problem));
        }

        return problems.Count == 0 ? options : null;
    }

    /// <summary>The settings to keep: every field's value.</summary>
    public static SortedDictionary<string, string> Settings(IReadOnlyDictionary<string, string> values) =>
        new(Fields.ToDictionary(f => f.Key, f => values.GetValueOrDefault(f.Key) ?? string.Empty, StringComparer.Ordinal), StringComparer.Ordinal);

    private static string WithoutKey(string key, string message) =>
        key.Length > 0 && message.StartsWith(key + ": ", StringComparison.Ordinal) ? message[(key.Length + 2)..] : message;
}
