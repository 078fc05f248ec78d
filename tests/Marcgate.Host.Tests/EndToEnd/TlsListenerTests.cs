using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Marcgate.Export.Gateway;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>The optional TLS listener (gateway §1) with the exporter's TLS, on certificates made at test time.</summary>
public sealed class TlsListenerTests : IDisposable
{
    private readonly TestCertificates _certificates = new("Marcgate Test CA");

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task An_export_over_tls_is_stored_and_the_plain_listener_still_answers()
    {
        _certificates.IssueHostCertificate();
        await using var host = await StartAsync();

        var delivered = await ExportAsync(host, Records.Sample, new ExportOptions { Tls = true, TlsCaFile = _certificates.AuthorityFile });
        var plain = await host.SendAsync(Records.SampleVariant('Z'));

        Assert.True(delivered.Status == ExportStatus.Accepted, delivered.Message);
        Assert.Equal("added", delivered.Reply!.Action);
        Assert.Equal(("ok", "overlaid", delivered.Reply.RecordId), (plain.Status, plain.Action, plain.Tokens["record"]));
        Assert.Equal(1, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
    }

    [Fact]
    public async Task A_certificate_from_another_ca_stops_the_export_with_a_clear_message()
    {
        _certificates.IssueHostCertificate();
        using var other = new TestCertificates("Some Other CA");
        await using var host = await StartAsync();

        var delivered = await ExportAsync(host, Records.Sample, new ExportOptions { Tls = true, TlsCaFile = other.AuthorityFile, Retries = 2 });

        Assert.Equal(ExportStatus.NotSent, delivered.Status);
        Assert.Same(ExportStop.TlsFailed, delivered.Stop);
        Assert.Equal(1, delivered.Attempts);
        Assert.Contains("TLS handshake with 127.0.0.1:", delivered.Message, StringComparison.Ordinal);
        Assert.Contains("(CN=marcgate test host, issued by CN=Marcgate Test CA) is not signed by a CA of the tls-ca file", delivered.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
    }

    [Fact]
    public async Task The_system_store_does_not_trust_a_private_ca_but_tls_insecure_skips_the_check()
    {
        _certificates.IssueHostCertificate();
        await using var host = await StartAsync();

        var checkedBySystem = await ExportAsync(host, Records.Sample, new ExportOptions { Tls = true });
        var insecure = await ExportAsync(host, Records.Sample, new ExportOptions { Tls = true, TlsInsecure = true });

        Assert.Equal(ExportStatus.NotSent, checkedBySystem.Status);
        Assert.Contains("is not trusted by this system's certificate store; give its CA with --tls-ca FILE", checkedBySystem.Message, StringComparison.Ordinal);
        Assert.True(insecure.Status == ExportStatus.Accepted, insecure.Message);
    }

    [Fact]
    public async Task A_renewed_certificate_is_used_by_new_connections_without_a_restart()
    {
        var first = _certificates.IssueHostCertificate();
        await using var host = await StartAsync();
        Assert.Equal(first, await PresentedThumbprintAsync(host));

        var renewed = _certificates.IssueHostCertificate("marcgate renewed host");

        // The files are looked at once a second: a generous bound, never an assertion about time.
        var seen = first;
        for (var attempt = 0; attempt < 100 && seen != renewed; attempt++)
        {
            await Task.Delay(200);
            seen = await PresentedThumbprintAsync(host);
        }

        Assert.Equal(renewed, seen);
        var delivered = await ExportAsync(host, Records.Sample, new ExportOptions { Tls = true, TlsCaFile = _certificates.AuthorityFile });
        Assert.True(delivered.Status == ExportStatus.Accepted, delivered.Message);
        Assert.Contains(host.Log.Lines, l => l.Contains("read again", StringComparison.Ordinal) && l.Contains("CN=marcgate renewed host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_half_written_renewal_keeps_the_certificate_in_use()
    {
        var first = _certificates.IssueHostCertificate();
        await using var host = await StartAsync();
        await File.WriteAllTextAsync(_certificates.KeyFile, "-----BEGIN PRIVATE KEY-----\nnot yet\n");
        await Task.Delay(1100);

        Assert.Equal(first, await PresentedThumbprintAsync(host));
        Assert.Contains(host.Log.Lines, l => l.Contains("was not read; the previous one stays in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tls_listener_without_its_files_does_not_start_and_names_the_file()
    {
        var options = new GatewayHostOptions { Listen = ["127.0.0.1:0"], Tls = { Listen = ["127.0.0.1:0"], CertificateFile = _certificates.CertificateFile, KeyFile = _certificates.KeyFile } };
        await using var server = new GatewayServer(Microsoft.Extensions.Options.Options.Create(options), new RecordingImporter(), new ListLogger());

        var failure = Assert.Throws<InvalidOperationException>(server.Bind);

        Assert.Contains(_certificates.CertificateFile, failure.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GatewayHostOptions { Tls = { Listen = ["127.0.0.1:0"] } }.Validate());
    }

    [Fact]
    public async Task A_tls_connection_goes_on_after_the_host_waited_out_the_settle_time()
    {
        _certificates.IssueHostCertificate();
        await using var host = await StartAsync();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.Server.TlsEndPoints[0]);
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", RemoteCertificateValidationCallback = (_, _, _, _) => true });

        // §5 rule 4: the leader's length is wrong and no EOT follows, so the host answers only after the settle time.
        await tls.WriteAsync(Records.Concat(CatalogHost.Logon(), Records.WithDeclaredLength(Records.Sample, 99999)));
        var first = Reply.Parse(await ReadReplyAsync(tls));
        await tls.WriteAsync(Records.Concat(CatalogHost.Logon(), Records.SampleVariant('Q'), [0]));
        var second = Reply.Parse(await ReadReplyAsync(tls));

        Assert.Equal(("ok", "added"), (first.Status, first.Action));
        Assert.Equal(("ok", "overlaid"), (second.Status, second.Action));
    }

    private static async Task<string> ReadReplyAsync(SslStream tls)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!received.Contains(0))
        {
            var read = await tls.ReadAsync(buffer, patience.Token);
            Assert.True(read > 0, "the host closed the TLS connection before its reply");
            received.AddRange(buffer.AsSpan(0, read));
        }

        return System.Text.Encoding.ASCII.GetString([.. received.TakeWhile(b => b != 0)]);
    }

    private Task<CatalogHost> StartAsync() =>
        CatalogHost.StartAsync(configure: o => o.Tls = new GatewayTlsOptions { Listen = ["127.0.0.1:0"], CertificateFile = _certificates.CertificateFile, KeyFile = _certificates.KeyFile });

    private static async Task<DeliveryResult> ExportAsync(CatalogHost host, byte[] record, ExportOptions tls)
    {
        var options = tls with
        {
            Host = "127.0.0.1",
            Port = host.Server.TlsEndPoints[0].Port,
            LogonId = CatalogHost.LogonId,
            Timeout = TimeSpan.FromSeconds(20),
        };
        await using var destination = new GatewayExportDestination(options, CatalogHost.Password);
        var parsed = Iso2709RecordParser.Parse(record, MarcReaderOptions.Default, 1, 0, []) ?? throw new InvalidDataException("unreadable");
        return await destination.DeliverAsync(new PreparedRecord(parsed, record), default);
    }

    private static async Task<string> PresentedThumbprintAsync(CatalogHost host)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.Server.TlsEndPoints[0]);
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", RemoteCertificateValidationCallback = (_, _, _, _) => true });
        using var presented = new System.Security.Cryptography.X509Certificates.X509Certificate2(tls.RemoteCertificate!);
        return presented.Thumbprint;
    }
}
