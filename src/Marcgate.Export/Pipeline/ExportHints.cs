using Marcgate.Export.Options;

namespace Marcgate.Export.Pipeline;

/// <summary>
/// Advice the summary gives once when what happened shows a setting working against the host, as with
/// Koha's connexion_import_daemon (gateway §5, §6). Each hint is judged from the replies, never from the host's name.
/// </summary>
public static class ExportHints
{
    /// <summary>Without Notify Host before Disconnect, the host answered only after the client had gone quiet.</summary>
    public const string IdleWait =
        "the host answered only after an idle wait; turn on Notify Host before Disconnect (--notify-host-before-disconnect) to have it answer at once";

    /// <summary>With Permanent Connection, the host closed the connection after every reply.</summary>
    public const string ClosesAfterReply =
        "the host closed the connection after each reply, so every record needed a new connection; Permanent Connection gains nothing with this host (--no-permanent-connection)";

    /// <summary>A logon was refused while a user ID was sent.</summary>
    public const string UserIdChecked =
        "the host refused the logon while a user ID was sent (Send User ID); some hosts (Koha) check the user ID instead of the logon ID, so this may be why: check the user ID, or turn Send User ID off (--no-send-user-id)";

    /// <summary>The hints that apply to this export, each once.</summary>
    public static IEnumerable<string> For(ExportOptions options, IReadOnlyList<ExportRecordResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var answered = results.Select(r => r.Delivery).Where(d => d?.Reply is not null).Select(d => d!).ToList();

        // A host that waits for silence does so on every record; one slow reply is not a pattern.
        if (!options.NotifyHostBeforeDisconnect && answered.Count > 0 && answered.Count(d => d.AnsweredAfterIdleWait) * 2 >= answered.Count)
        {
            yield return IdleWait;
        }

        var keeps = options.PermanentConnection || options.FileType == ExportFileType.Single;
        if (keeps && answered.Count >= 2 && answered.Skip(1).All(d => d.Reconnected))
        {
            yield return ClosesAfterReply;
        }

        if (answered.Any(d => d.SentUserId && d.Stop == ExportStop.LogonRefused))
        {
            yield return UserIdChecked;
        }
    }
}
