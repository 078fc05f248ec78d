namespace Marcgate.Host;

/// <summary>The optional TLS gateway listeners (configuration section <c>Gateway:Tls</c>); the plain listeners stay, since OCLC's clients speak plain TCP only (gateway §1).</summary>
public sealed class GatewayTlsOptions
{
    /// <summary>Addresses to listen on with TLS, as <c>ADDR:PORT</c>; empty (the default) opens none.</summary>
    public List<string> Listen { get; set; } = [];

    /// <summary>The PEM file of the server certificate, optionally followed by its intermediate certificates; read again when it changes.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM file of the certificate's private key (PKCS#8 or PKCS#1, not encrypted); read again when it changes.</summary>
    public string? KeyFile { get; set; }
}
