using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>A certificate authority made at test time and the PEM files of certificates it signs for 127.0.0.1.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _authority;

    public TestCertificates(string name)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("marcgate-tls-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        _authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityFile = Path.Combine(Directory, "ca.pem");
        File.WriteAllText(AuthorityFile, _authority.ExportCertificatePem());
    }

    public string Directory { get; }

    public string AuthorityFile { get; }

    public string CertificateFile => Path.Combine(Directory, "host.pem");

    public string KeyFile => Path.Combine(Directory, "host.key");

    /// <summary>Signs a new certificate for 127.0.0.1 and writes it and its key over the host's files; returns its thumbprint.</summary>
    public string IssueHostCertificate(string commonName = "marcgate test host")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var certificate = request.Create(_authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);

        // Key first, then the certificate, each replaced whole, as a renewal tool does.
        Replace(KeyFile, key.ExportPkcs8PrivateKeyPem());
        Replace(CertificateFile, certificate.ExportCertificatePem());
        return certificate.Thumbprint;
    }

    public void Dispose()
    {
        _authority.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static void Replace(string path, string text)
    {
        File.WriteAllText(path + ".new", text);
        File.Move(path + ".new", path, overwrite: true);
    }
}
