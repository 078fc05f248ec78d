namespace Marcgate.Web;

/// <summary>The web console's HTTPS certificate as PEM files (configuration section <c>Web:Certificate</c>).</summary>
public sealed class WebCertificateOptions
{
    /// <summary>The certificate (chain) in PEM; HTTPS is on when it is set.</summary>
    public string? Path { get; set; }

    /// <summary>The certificate's private key in PEM (unencrypted).</summary>
    public string? KeyPath { get; set; }
}
