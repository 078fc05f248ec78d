namespace Marcgate.Host;

/// <summary>What one wait for bytes from the client ended with.</summary>
internal enum ReceiveResult
{
    Data,
    EndOfStream,
    Timeout,
    Stopping,
}
