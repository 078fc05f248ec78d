using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>How changes made by an administrator, not sent over the gateway, are told apart in receipts and the audit log.</summary>
public static class LocalActor
{
    /// <summary>The receipt's peer address for a change made through the administration commands or console.</summary>
    internal const string PeerAddress = "local";

    /// <summary>The operating system's user running this process, who makes the changes of a <c>marcgate</c> command.</summary>
    public static AuditActor Current => new(Environment.UserName is { Length: > 0 } name ? name : "unknown", AuditActorKind.LocalUser);
}
