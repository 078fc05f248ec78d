namespace Marcgate.Export.Pipeline;

/// <summary>Why an export stopped before its last record: going on could not help, and could harm (a locked-out logon).</summary>
public sealed class ExportStop
{
    private ExportStop(string reason)
    {
        Reason = reason;
    }

    /// <summary>The host answered <c>logon-failed</c> (gateway §4): every further record would fail the same way and count toward a lockout (§7 step 1).</summary>
    public static ExportStop LogonRefused { get; } = new("the host refused the logon");

    /// <summary>The host answered <c>locked-out</c> (gateway §4): nothing is accepted until the lockout ends.</summary>
    public static ExportStop LockedOut { get; } = new("the host locked the logon out");

    /// <summary>The host answered <c>storage-full</c> (gateway §4): its disk is full, and every further record would be refused the same way until space is freed.</summary>
    public static ExportStop HostStorageFull { get; } = new("the host's disk is full");

    /// <summary>The connect failed through every retry (gateway §6 Retries): the host is down or not listening.</summary>
    public static ExportStop HostUnreachable { get; } = new("the host cannot be reached");

    /// <summary>The TLS handshake failed (an untrusted certificate, a CA file that cannot be read): every further connection would fail the same way.</summary>
    public static ExportStop TlsFailed { get; } = new("the TLS connection to the host failed");

    /// <summary>The reason as the summary says it, after <c>not sent: </c>.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
