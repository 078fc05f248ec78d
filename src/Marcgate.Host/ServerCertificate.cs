using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

/// <summary>
/// The TLS listeners' certificate and key, read from PEM files and read again when either file changes, so a renewed
/// certificate (certbot, an ACME client) is used by new connections without a restart.
/// </summary>
/// <remarks>
/// The files are looked at no more than once a second, on a handshake. A renewal that cannot be read (a key not yet
/// written beside its new certificate) keeps the certificate in use and is logged; the next look tries again.
/// </remarks>
internal sealed class ServerCertificate(string certificateFile, string keyFile, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private SslStreamCertificateContext? _current;
    private (DateTime, long, DateTime, long) _stamp;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The certificate's subject, for the log.</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>Reads the files for the first time.</summary>
    /// <exception cref="InvalidOperationException">A file is missing or is not a PEM certificate or key that belong together; the message names the file.</exception>
    public void Load()
    {
        lock (_lock)
        {
            _stamp = Stamp();
            (_current, Subject) = Read();
            _checkedAt = time.GetUtcNow();
        }
    }

    /// <summary>The certificate to present now: the files' latest readable content.</summary>
    public SslStreamCertificateContext Current
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_lock)
            {
                if (now - _checkedAt >= s_recheck || now < _checkedAt)
                {
                    _checkedAt = now;
                    Reload();
                }

                return _current ?? throw new InvalidOperationException("The TLS certificate was not loaded.");
            }
        }
    }

    private void Reload()
    {
        (DateTime, long, DateTime, long) stamp;
        try
        {
            stamp = Stamp();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            HostLog.CertificateNotReloaded(logger, certificateFile, ex.Message);
            return;
        }

        if (stamp == _stamp)
        {
            return;
        }

        try
        {
            (_current, Subject) = Read();
            _stamp = stamp;
            HostLog.CertificateReloaded(logger, Subject, certificateFile);
        }
        catch (InvalidOperationException ex)
        {
            HostLog.CertificateNotReloaded(logger, certificateFile, ex.Message);
        }
    }

    private (SslStreamCertificateContext, string) Read()
    {
        X509Certificate2 certificate;
        var chain = new X509Certificate2Collection();
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            chain.ImportFromPemFile(certificateFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot read the TLS certificate {certificateFile} with key {keyFile}: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"the TLS key {keyFile} does not belong to the certificate {certificateFile}");
        }

        // Intermediates after the leaf in the same file go out with it; offline: no fetching of missing ones at start-up.
        var intermediates = new X509Certificate2Collection();
        foreach (var extra in chain.Skip(1))
        {
            intermediates.Add(extra);
        }

        return (SslStreamCertificateContext.Create(certificate, intermediates, offline: true), certificate.Subject);
    }

    private (DateTime, long, DateTime, long) Stamp()
    {
        var certificate = new FileInfo(certificateFile);
        var key = new FileInfo(keyFile);
        return (certificate.LastWriteTimeUtc, certificate.Exists ? certificate.Length : -1, key.LastWriteTimeUtc, key.Exists ? key.Length : -1);
    }
}
