using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Cli.Tests;

/// <summary>The exporter against Marcgate's own host, run as a process with the built binary.</summary>
public sealed class ExportRealHostTests : IAsyncLifetime
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "real-host-secret-5500";
    private const int RecordCount = 1_000;
    private const int KillAfter = 300;

    private readonly string _data = Directory.CreateTempSubdirectory("marcgate-realhost-").FullName;
    private readonly List<string> _hostOutput = [];
    private int _port;
    private Process? _host;

    public async Task InitializeAsync()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(_data))
        {
            await store.AddRepositoryAsync("NETWORK", DateTimeOffset.UtcNow, default);
            await store.SaveAccountAsync(new Account(LogonId, "NETWORK", ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        }

        // A port known before the host starts, so the restarted host listens where the exporter connects.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        StopHost();
        await Task.Yield();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Thousand_records_individual_and_notify_all_accepted_once_across_a_host_kill_and_restart()
    {
        var options = ExportOptions.Default with
        {
            Host = "127.0.0.1",
            Port = _port,
            LogonId = LogonId,
            FileType = ExportFileType.Individual,
            NotifyHostBeforeDisconnect = true,
            ValidateBibliographic = ValidationLevel.Structure,
            Timeout = TimeSpan.FromSeconds(30),
            Retries = 100,
            Delay = TimeSpan.FromMilliseconds(100),
        };
        var items = Records().Select((r, i) => new ExportItem(i + 1, $"generated {i + 1}", r, [])).ToList();
        Task? restart = null;
        var progress = new InlineProgress(result =>
        {
            if (result.Item.Number == KillAfter)
            {
                // SIGKILL while the next records are in flight: no graceful shutdown, connections reset,
                // then refused until the restarted host listens again.
                restart = Task.Run(async () =>
                {
                    await Task.Delay(20);
                    StopHost();
                    _host = await StartHostAsync();
                });
            }
        });

        var text = new StringWriter();
        IReadOnlyList<ExportRecordResult> first;
        using (var trace = new Export.Gateway.GatewayTrace(text))
        {
            first = await new ExportJob(options, MarcValidator.Instance) { Trace = trace }.RunAsync(items, Password, null, progress, CancellationToken.None);
        }

        await restart!;
        var failures = first.Where(r => r.Status != ExportStatus.Accepted).Select(ExportSummary.Line).Take(5).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Contains(first, r => r.Attempts > 1);
        Assert.All(first, r => Assert.Contains(r.Reply!.Action, new[] { "added", "unchanged" }));
        var ids = first.Select(r => r.Reply!.RecordId!).ToList();
        Assert.Equal(RecordCount, ids.Distinct().Count());

        // Sending everything again changes nothing: each record keeps its ID, none is added twice.
        var again = await new ExportJob(options with { PermanentConnection = true }, MarcValidator.Instance).RunAsync(items, Password, null, null, CancellationToken.None);
        Assert.All(again, r => Assert.Equal("unchanged", r.Reply?.Action));
        Assert.Equal(ids, again.Select(r => r.Reply!.RecordId!));

        StopHost();
        await using (var store = await SqliteCatalogStore.OpenAsync(_data))
        {
            Assert.Equal(RecordCount, await store.CountRecordsAsync("NETWORK", default));
        }

        // No password in the trace, the host's output or its logs.
        Assert.DoesNotContain(Password, text.ToString(), StringComparison.Ordinal);
        lock (_hostOutput)
        {
            Assert.DoesNotContain(_hostOutput, l => l.Contains(Password, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<MarcRecord> Records()
    {
        var template = Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc"))).Single().Record!;
        for (var i = 1; i <= RecordCount; i++)
        {
            var number = (700_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var record = template.Clone();
            record.Fields.RemoveAll(f => f.Tag is "001" or "003" or "035");
            record.Fields.Insert(0, new ControlField("001", "ocn" + number));
            record.Fields.Insert(1, new ControlField("003", "OCoLC"));
            var at = record.Fields.FindIndex(f => string.CompareOrdinal(f.Tag, "035") > 0);
            record.Fields.Insert(at, new DataField("035", ' ', ' ', [new Subfield('a', "(OCoLC)" + number)]));
            var title = record.GetDataFields("245").Single();
            title.Subfields[0] = new Subfield('a', $"Summerland {i} /");
            yield return record;
        }
    }

    private Task<Process> StartHostAsync() =>
        ServeProcess.StartAsync(["serve", "--data", _data, "--listen", $"127.0.0.1:{_port}"], _hostOutput);

    private void StopHost()
    {
        ServeProcess.Stop(_host);
        _host = null;
    }

    private sealed class InlineProgress(Action<ExportRecordResult> report) : IProgress<ExportRecordResult>
    {
        public void Report(ExportRecordResult value) => report(value);
    }
}
