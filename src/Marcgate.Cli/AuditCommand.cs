using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate audit [--since DATE] [--subject KIND:NAME] [--limit N] [--format text|json]</c>: who changed which account, profile, repository or staff user, and when (never a password).</summary>
internal static class AuditCommand
{
    // Read by people and scripts, never embedded in HTML: "->" and accented names stay as typed.
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only changes at or after this UTC date or date-time, e.g. 2026-11-28 or 2026-11-28T14:30." };
        var subject = new Option<string?>("--subject") { Description = $"Only changes of this subject: KIND or KIND:NAME, with KIND one of {string.Join(", ", AuditNames.SubjectKinds)} (e.g. account:01CARLI_NETWORK)." };
        var limit = new Option<int>("--limit") { Description = "How many of the latest changes to print (default 50).", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "text (default): one tab-separated line a change; json: an array of objects.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var data = DataDirectory.CreateOption();
        var command = new Command("audit", "Print the administrative audit log, newest first: time, who (local OS user or staff user), action, subject, detail.") { since, subject, limit, format, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!UtcTime.TryParse(sinceText, out var time))
                {
                    return session.Fail(ExitCodes.Usage, $"--since '{sinceText}' is not a date or date-time (e.g. 2026-11-28 or 2026-11-28T14:30, UTC).");
                }

                from = time;
            }

            var found = await new AuditSearch(session.Store).FindAsync(parse.GetValue(subject), from, parse.GetValue(limit), cancellationToken).ConfigureAwait(false);
            if (found.Value is not { } entries)
            {
                return session.Report(found);
            }

            if (parse.GetValue(format) == "json")
            {
                session.Out.WriteLine(Json(entries));
                return ExitCodes.Ok;
            }

            if (entries.Count == 0)
            {
                session.Error.WriteLine("No audit entries match.");
            }

            foreach (var entry in entries)
            {
                session.Out.WriteLine(Format(entry));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static string Format(AuditEntry entry) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{entry.At:yyyy-MM-dd HH:mm:ss.fff}Z\t{AuditNames.Actor(entry.ActorKind)}:{entry.Actor}\t{entry.Action}\t{AuditNames.Subject(entry.SubjectKind)}:{entry.SubjectName}\t{entry.Detail}");

    internal static string Json(IReadOnlyList<AuditEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_json))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteNumber("id", entry.Id);
                json.WriteString("at", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                json.WriteString("actor", entry.Actor);
                json.WriteString("actorKind", AuditNames.Actor(entry.ActorKind));
                json.WriteString("action", entry.Action);
                json.WriteString("subjectKind", AuditNames.Subject(entry.SubjectKind));
                json.WriteString("subject", entry.SubjectName);
                json.WriteString("detail", entry.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
