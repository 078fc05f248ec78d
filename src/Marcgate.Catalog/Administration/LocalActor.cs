namespace Marcgate.Catalog.Administration;

/// <summary>How changes made by an administrator, not sent over the gateway, are told apart in receipts.</summary>
internal static class LocalActor
{
    /// <summary>The receipt's peer address for a change made through the administration commands or console.</summary>
    public const string PeerAddress = "local";
}
