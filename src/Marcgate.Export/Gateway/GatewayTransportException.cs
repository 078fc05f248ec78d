namespace Marcgate.Export.Gateway;

/// <summary>A connection failed or was lost before the host's reply; the message says which and where.</summary>
public sealed class GatewayTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayTransportException(string message, bool retryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Retryable = retryable;
    }

    /// <summary>Creates the exception.</summary>
    public GatewayTransportException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GatewayTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GatewayTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True for a failed connect or a connection lost before the reply (gateway §6 Retries); false for a timeout waiting for the reply.</summary>
    public bool Retryable { get; }

    /// <summary>The kind of failure in a few words, as the export summary counts it.</summary>
    public string Reason { get; init; } = "connection lost";

    /// <summary>True when the connect itself failed (refused, timed out, no route): the host cannot be reached.</summary>
    public bool Unreachable { get; init; }

    /// <summary>True when the TLS handshake failed or TLS could not be set up: no connection can succeed until the settings change.</summary>
    public bool TlsFailed { get; init; }

    /// <summary>True when nothing at all came back from the host on this connection before it failed.</summary>
    public bool NothingReceived { get; init; } = true;
}
