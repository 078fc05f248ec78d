using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>The Marcgate meter's instruments as an exporter sees them, while records go to a host on a real port.</summary>
[Collection(MetricsCollection.Name)]
public sealed class GatewayMetricsTests
{
    private const string Records = "marcgate.import.records";

    // A repository of each test's own: the instruments are static, shared by every host in the process.
    private readonly string _repository = "METRICS" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task Records_count_by_outcome_code_and_repository_and_each_reply_is_timed()
    {
        using var metrics = new MetricRecorder();
        await using var host = await CatalogHost.StartAsync(repository: _repository);

        Assert.Equal("added", (await host.SendAsync(Record("A book"))).Action);
        Assert.Equal("unchanged", (await host.SendAsync(Record("A book"))).Action);
        Assert.Equal("overlaid", (await host.SendAsync(Record("A book, second edition"))).Action);
        Assert.Equal("invalid-record", (await host.SendAsync(Record(title: null))).Code);
        Assert.Equal("logon-failed", (await host.SendAsync(Record("A book"), password: "wrong horse")).Code);

        Assert.Equal(1, metrics.Sum(Records, ("outcome", "added"), ("repository", _repository), ("code", null)));
        Assert.Equal(1, metrics.Sum(Records, ("outcome", "unchanged"), ("repository", _repository)));
        Assert.Equal(1, metrics.Sum(Records, ("outcome", "overlaid"), ("repository", _repository)));
        Assert.Equal(1, metrics.Sum(Records, ("outcome", "refused"), ("code", "invalid-record"), ("repository", _repository)));

        // A refused logon names no repository: the account is not known to be the sender's.
        Assert.Equal(1, metrics.Sum(Records, ("outcome", "refused"), ("code", "logon-failed"), ("repository", null)));
        Assert.Equal(4, metrics.Of(Records, ("repository", _repository)).Count);

        var replies = metrics.Of("marcgate.gateway.reply.duration");
        Assert.Equal(5, replies.Count);
        Assert.Equal(3, replies.Count(r => r.Tag("status") == "ok"));
        Assert.All(replies, r => Assert.InRange(r.Value, double.Epsilon, 60));
        Assert.Equal("s", metrics.Instruments["marcgate.gateway.reply.duration"]);
        Assert.Equal("{record}", metrics.Instruments[Records]);
    }

    [Fact]
    public async Task Commits_report_batch_sizes_and_latency_tagged_with_the_store()
    {
        await using var host = await CatalogHost.StartAsync(repository: _repository);

        // The first logon from an address also records the address as known to the logon ID (a write of its own).
        Assert.Equal("added", (await host.SendAsync(Record("Book 0", oclc: 70000000))).Action);
        using var metrics = new MetricRecorder();
        var sends = Enumerable.Range(1, 12).Select(i => host.SendAsync(Record($"Book {i}", oclc: 70000000 + i)));
        Assert.All(await Task.WhenAll(sends), reply => Assert.Equal("added", reply.Action));

        var sizes = metrics.Of("marcgate.store.commit.batch.size", ("store", "sqlite"));
        var latencies = metrics.Of("marcgate.store.commit.duration", ("store", "sqlite"));

        // Twelve records, each committed with its receipt in one write, in as many batches as the writer made of them.
        Assert.Equal(12, sizes.Sum(s => s.Value));
        Assert.InRange(sizes.Count, 1, 12);
        Assert.Equal(sizes.Count, latencies.Count);
        Assert.All(latencies, l => Assert.InRange(l.Value, double.Epsilon, 60));
        Assert.Empty(metrics.Of("marcgate.store.errors"));
    }

    [Fact]
    public async Task Connections_open_close_and_refusals_count_by_the_limit_met()
    {
        using var metrics = new MetricRecorder();
        await using (var host = await CatalogHost.StartAsync(repository: _repository, configure: o => o.MaxConnectionsPerAddress = 2))
        {
            await using var first = await GatewayTestClient.ConnectAsync(host.EndPoint);
            await using var second = await GatewayTestClient.ConnectAsync(host.EndPoint);
            await WaitForAsync(() => host.Server.ConnectionCount == 2 && metrics.Sum("marcgate.gateway.active_connections") == 2);

            await using var third = await GatewayTestClient.ConnectAsync(host.EndPoint);
            Assert.Equal("busy", Reply.Parse(await third.ReadReplyAsync()).Code);
            Assert.Equal(1, metrics.Sum("marcgate.gateway.refused_connections", ("reason", "peer-limit")));
            Assert.Equal(2, metrics.Sum("marcgate.gateway.active_connections"));
        }

        // The host stopped: every connection it served is closed, none counted open.
        Assert.Equal(0, metrics.Sum("marcgate.gateway.active_connections"));

        await using (var host = await CatalogHost.StartAsync(repository: _repository, configure: o => o.MaxConnections = 1))
        {
            await using var first = await GatewayTestClient.ConnectAsync(host.EndPoint);
            await WaitForAsync(() => host.Server.ConnectionCount == 1 && metrics.Sum("marcgate.gateway.active_connections") == 1);
            await using var second = await GatewayTestClient.ConnectAsync(host.EndPoint);
            Assert.Equal("busy", Reply.Parse(await second.ReadReplyAsync()).Code);
            Assert.Equal(1, metrics.Sum("marcgate.gateway.refused_connections", ("reason", "limit")));
        }

        Assert.Equal(0, metrics.Sum("marcgate.gateway.active_connections"));
    }

    [Fact]
    public async Task Refused_logons_count_by_reason_and_a_lockout_once()
    {
        using var metrics = new MetricRecorder();
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 2, MaxFailuresPerPeerAddress = 100 } };
        await using var host = await CatalogHost.StartAsync(options, repository: _repository);

        await host.SendAsync(Record("A book"), password: "wrong horse");
        await host.SendAsync(Record("A book"), password: "wrong horse");
        Assert.Equal("locked-out", (await host.SendAsync(Record("A book"))).Code);
        Assert.Equal("locked-out", (await host.SendAsync(Record("A book"))).Code);

        Assert.Equal(2, metrics.Sum("marcgate.logon.failures", ("reason", "wrong-password")));
        Assert.Equal(2, metrics.Sum("marcgate.logon.failures", ("reason", "locked-out")));
        Assert.Equal(1, metrics.Sum("marcgate.logon.lockouts", ("scope", "logon-id")));
        Assert.Equal(0, metrics.Sum("marcgate.logon.lockouts", ("scope", "peer-address")));
        Assert.Equal(2, metrics.Sum(Records, ("code", "locked-out")));
    }

    [Fact]
    public async Task Each_import_logs_one_line_whose_correlation_id_is_on_its_receipt()
    {
        await using var host = await CatalogHost.StartAsync(repository: _repository);
        var added = await host.SendAsync(Record("A book"));
        var refused = await host.SendAsync(Record(title: null));

        var receipts = await host.Store.GetLastReceiptsAsync(2, default);
        var imports = host.Log.Entries.Where(e => e.EventId.Name == "Import").ToList();
        Assert.Equal(2, imports.Count);
        for (var i = 0; i < 2; i++)
        {
            var id = receipts[i].CorrelationId;
            Assert.True(ImportCorrelation.TryNormalize(id, out var normal) && normal == id, id);
            Assert.Equal(id, imports[i]["CorrelationId"]);
            Assert.Single(host.Log.Lines, l => l.Contains(id!, StringComparison.Ordinal));
        }

        var line = imports[0];
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.Equal((CatalogHost.LogonId, _repository, "added"), (line["LogonId"], line["Repository"], line["Outcome"]));
        Assert.Equal((added.Tokens["record"], added.Tokens["oclc"]), (line["RecordId"], line["OclcNumber"]));
        Assert.Null(line["Code"]);
        Assert.StartsWith("127.0.0.1:", (string?)line["Peer"], StringComparison.Ordinal);
        Assert.IsType<double>(line["ElapsedMs"]);
        Assert.Contains($" logon={CatalogHost.LogonId} user=- repository={_repository} outcome=added code=- record={added.Tokens["record"]} oclc=63111280 ", line.Text, StringComparison.Ordinal);

        Assert.Equal(("refused", "invalid-record", _repository), (imports[1]["Outcome"], imports[1]["Code"], imports[1]["Repository"]));
        Assert.Equal(refused.HumanLine["Import Failed. ".Length..], imports[1]["Reason"]);
        Assert.True(receipts[1].CorrelationId!.CompareTo(receipts[0].CorrelationId) > 0, "IDs sort in the order they were made");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "The host did not get there within 10 s.");
            await Task.Delay(10);
        }
    }

    private static byte[] Record(string? title, long oclc = 63111280)
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        record.Fields.Add(new ControlField("001", $"ocm{oclc}"));
        record.Fields.Add(new ControlField("003", "OCoLC"));
        record.Fields.Add(new ControlField("005", "20240101120000.0"));
        record.Fields.Add(new ControlField("008", "240101s2024    ilu           000 0 eng d"));
        record.Fields.Add(new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){oclc}")]));
        record.Fields.Add(new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('b', "eng"), new Subfield('c', "DLC")]));
        if (title is not null)
        {
            record.Fields.Add(new DataField("245", '1', '0', [new Subfield('a', title)]));
        }

        return Iso2709Writer.Write(record);
    }
}
