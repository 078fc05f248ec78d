using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marcgate.Export.Options;

namespace Marcgate.Export.Gateway;

/// <summary>
/// The exporter's side of a TLS connection to a Marcgate host's TLS listener: the host's certificate is checked against
/// the system's trusted roots, or only against the certificate authorities of a PEM file, or not at all when asked.
/// </summary>
internal sealed class GatewayTls
{
    private readonly X509Certificate2Collection? _authorities;
    private readonly bool _insecure;

    private GatewayTls(X509Certificate2Collection? authorities, bool insecure)
    {
        _authorities = authorities;
        _insecure = insecure;
    }

    /// <summary>The TLS settings of the options, or null when TLS is off.</summary>
    /// <exception cref="GatewayTransportException">The CA file cannot be read or holds no certificate (not retryable).</exception>
    public static GatewayTls? From(ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Tls)
        {
            return null;
        }

        if (options.TlsCaFile is not { } file)
        {
            return new GatewayTls(null, options.TlsInsecure);
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new GatewayTransportException($"tls-ca: cannot read {file}: {e.Message}", retryable: false, e) { Reason = "bad TLS CA file", TlsFailed = true };
        }

        return authorities.Count == 0
            ? throw new GatewayTransportException($"tls-ca: {file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)", retryable: false) { Reason = "bad TLS CA file", TlsFailed = true }
            : new GatewayTls(authorities, insecure: false);
    }

    /// <summary>Runs the handshake over <paramref name="stream"/> within the timeout; returns the encrypted stream.</summary>
    /// <exception cref="GatewayTransportException">The host's certificate is not trusted or does not name the host, or the handshake failed (not retryable).</exception>
    public async Task<Stream> AuthenticateAsync(Stream stream, string host, string endpoint, TimeSpan timeout, GatewayTrace? trace, CancellationToken cancellationToken)
    {
        string? rejection = null;
        var tls = new SslStream(stream, leaveInnerStreamOpen: true);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                rejection = _insecure ? null : Check(certificate, errors, host);
                return rejection is null;
            },
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await tls.AuthenticateAsClientAsync(options, deadline.Token).ConfigureAwait(false);
            trace?.Note($"TLS {tls.SslProtocol} with {endpoint}, certificate {tls.RemoteCertificate?.Subject}{(_insecure ? " (not checked: tls-insecure)" : string.Empty)}");
            return tls;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            var reason = rejection is not null
                ? $"the host's certificate {rejection}"
                : e is OperationCanceledException ? $"no handshake within the timeout of {timeout.TotalSeconds} s" : e.Message;
            trace?.Note($"TLS handshake with {endpoint} failed: {reason}");
            throw new GatewayTransportException($"TLS handshake with {endpoint} failed: {reason}", retryable: false, e) { Reason = "TLS handshake failed", TlsFailed = true };
        }
    }

    // What is wrong with the host's certificate, or null when it is trusted and names the host.
    private string? Check(X509Certificate? presented, SslPolicyErrors errors, string host)
    {
        if (presented is null)
        {
            return "is missing";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"({presented.Subject}) does not name the host '{host}'";
        }

        if (_authorities is null)
        {
            return errors == SslPolicyErrors.None
                ? null
                : $"({presented.Subject}, issued by {presented.Issuer}) is not trusted by this system's certificate store; give its CA with --tls-ca FILE";
        }

        // Only the CAs of the file are trusted, whatever the system's store holds.
        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(certificate))
        {
            return null;
        }

        var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return $"({presented.Subject}, issued by {presented.Issuer}) is not signed by a CA of the tls-ca file{(status.Length > 0 ? ": " + status : string.Empty)}";
    }
}
