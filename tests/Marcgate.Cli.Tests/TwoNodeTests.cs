using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway.Client;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Postgres;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>
/// Two <c>marcgate serve</c> processes on one PostgreSQL database (a fresh one on <c>MARCGATE_TEST_PG</c>), fed by
/// 16 clients at once with overlapping OCLC numbers; one node is killed halfway and everything is sent again
/// through the other. The database's constraints alone must keep the catalog exact.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "two-node-secret-5500";
    private const string Repository = "NETWORK";
    private const int Numbers = 200;
    private const int Clients = 16;
    private const long FirstNumber = 72_000_000;

    private readonly ExportCliRunner _cli = new();
    private readonly List<string> _hostOutput = [];
    private readonly Process?[] _nodes = new Process?[2];
    private PostgresTestDatabase _database = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("marcgate_nodes_");
        _url = _database.Url();
    }

    public async Task DisposeAsync()
    {
        for (var node = 0; node < _nodes.Length; node++)
        {
            Kill(node);
        }

        await _database.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Two_nodes_keep_one_record_per_OCLC_number_when_one_is_killed_and_everything_is_sent_again()
    {
        var migrate = _cli.Run("db", "migrate", "--store", _url);
        Assert.True(migrate.Exit == 0, migrate.Error);
        var added = _cli.Run("repositories", "add", Repository, "--store", _url);
        Assert.True(added.Exit == 0, added.Error);
        await using (var store = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(_url)))
        {
            await store.SaveAccountAsync(new Account(LogonId, Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        }

        var ports = new[] { ServeProcess.FreePort(), ServeProcess.FreePort() };
        for (var node = 0; node < 2; node++)
        {
            _nodes[node] = await StartNodeAsync(ports[node]);
        }

        // Each OCLC number goes once to each node, from different clients; every fourth is sent in two versions, an overlay.
        var sends = Enumerable.Range(0, Numbers)
            .SelectMany(n => new[] { new Send(n, 0, Revised: false), new Send(n, 1, Revised: n % 4 == 0) })
            .OrderBy(s => (s.Number * 7919 + s.Node * 104_729) % 997)
            .ToList();
        var queues = new[] { new ConcurrentQueue<Send>(sends.Where(s => s.Node == 0)), new ConcurrentQueue<Send>(sends.Where(s => s.Node == 1)) };
        var replies = new ConcurrentBag<(Send Send, HostReply? Reply)>();
        var answered = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killer = halfway.Task.ContinueWith(_ => Kill(1), TaskScheduler.Default);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var node = client % 2;
            while (queues[node].TryDequeue(out var send))
            {
                // Past halfway, node 2's clients wait for the kill, so that some of their sends surely meet a dead node
                // (on a fast machine the rest of its queue could otherwise be answered before the kill lands).
                if (node == 1 && halfway.Task.IsCompleted)
                {
                    await killer;
                }

                replies.Add((send, await SendAsync(ports[node], send)));
                if (Interlocked.Increment(ref answered) == sends.Count / 2)
                {
                    halfway.TrySetResult();
                }
            }
        })));
        await killer;

        var first = replies.ToList();
        Assert.All(first.Where(r => r.Send.Node == 0), r => Assert.True(r.Reply is { Status: "ok" }, $"{r.Send}: {r.Reply}"));
        Assert.Contains(first, r => r.Send.Node == 1 && r.Reply is null);
        Assert.All(first.Where(r => r.Reply is not null), r => Assert.True(r.Reply!.Status == "ok", $"{r.Send}: {r.Reply}"));
        var stored = await CurrentRecordsAsync();

        // Through the surviving node: each number's sends again, the one like its stored version first, so each
        // answer is known in advance: unchanged while the content is what is stored, overlaid when it differs.
        var resent = new ConcurrentBag<(Send Send, string Expected, HostReply? Reply)>();
        var lastSent = new ConcurrentDictionary<int, bool>();
        var numbers = new ConcurrentQueue<int>(Enumerable.Range(0, Numbers));
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (numbers.TryDequeue(out var number))
            {
                var current = IsRevised(stored[number].Content);
                foreach (var send in sends.Where(s => s.Number == number).OrderBy(s => s.Revised != current))
                {
                    var expected = send.Revised == current ? "unchanged" : "overlaid";
                    current = send.Revised;
                    resent.Add((send, expected, await SendAsync(ports[0], send)));
                }

                lastSent[number] = current;
            }
        })));

        Assert.All(resent, r => Assert.True(r.Reply is { Status: "ok" } && r.Reply.Action == r.Expected, $"{r.Send} expected {r.Expected}: {r.Reply}"));
        Kill(0);

        var count = _cli.Run("records", "count", "--repository", Repository, "--store", _url);
        Assert.True(count.Exit == 0, count.Error);
        Assert.Equal(Numbers.ToString(CultureInfo.InvariantCulture), count.Output.Trim());

        var final = await CurrentRecordsAsync();
        Assert.Equal(Numbers, final.Count);
        await using var check = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(_url));
        foreach (var (number, record) in final)
        {
            Assert.Equal(stored[number].Id, record.Id);
            var history = await check.GetHistoryAsync(Repository, record.Id, default);
            var versions = history.Select(v => v.Version).ToList();
            Assert.Equal(Enumerable.Range(1, record.Version), versions);
            Assert.Equal(RecordAction.Added, history[0].Action);
            Assert.All(history.Skip(1), v => Assert.Equal(RecordAction.Overlaid, v.Action));
            for (var v = 1; v < history.Count; v++)
            {
                Assert.True(history[v].ContentHash != history[v - 1].ContentHash, $"OCLC {FirstNumber + number}: version {v + 1} repeats version {v}");
            }

            // Sent in one version only: the second send and every resend answer unchanged, so there is one version.
            if (number % 4 != 0)
            {
                Assert.Single(history);
            }

            // Every acknowledged record is a kept version of the one record its OCLC number names.
            foreach (var (send, reply) in first.Where(r => r.Send.Number == number && r.Reply is not null))
            {
                Assert.Equal(record.Id.ToString(), reply!.RecordId);
                Assert.Contains(history, v => IsRevised(v.Content) == send.Revised);
            }

            Assert.Equal(history[^1].ContentHash, record.ContentHash);
            Assert.Equal(lastSent[number], IsRevised(record.Content));
        }

        var overlaid = _cli.Run("records", "history", "--repository", Repository, "--oclc", FirstNumber.ToString(CultureInfo.InvariantCulture), "--store", _url);
        Assert.True(overlaid.Exit == 0, overlaid.Error);
        Assert.Equal(final[0].Version, overlaid.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static bool IsRevised(ReadOnlyMemory<byte> content) => Encoding.UTF8.GetString(content.Span).Contains("Revised", StringComparison.Ordinal);

    private async Task<Dictionary<int, StoredRecord>> CurrentRecordsAsync()
    {
        await using var store = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(_url));
        var records = await store.ListRecordsAsync(Repository, null, Numbers * 2, default);
        Assert.All(records, r => Assert.Single(r.OclcNumbers));
        Assert.Equal(records.Count, records.Select(r => r.OclcNumbers[0]).Distinct().Count());
        return records.ToDictionary(r => (int)(r.OclcNumbers[0].Value - FirstNumber));
    }

    // One request per connection with EOT, as Connexion sends; null when the node did not answer.
    private static async Task<HostReply?> SendAsync(int port, Send send)
    {
        var request = GatewayRequestWriter.Write(new GatewayLogon(LogonId, Password, "cataloger" + send.Node), Iso2709Writer.Write(send.Record()), notifyHost: true);
        return await GatewayExchange.SendAsync(port, request);
    }

    private async Task<Process> StartNodeAsync(int port)
    {
        var start = MarcgateProcess.StartInfo(["serve", "--store", _url, "--listen", $"127.0.0.1:{port}"]);
        start.Environment["MARCGATE_Logging__LogLevel__Default"] = "Warning";
        return await ServeProcess.StartAsync(start, _hostOutput);
    }

    // SIGKILL: the node gets no chance to finish what it was doing.
    private void Kill(int node)
    {
        ServeProcess.Stop(_nodes[node]);
        _nodes[node] = null;
    }

    private sealed record Send(int Number, int Node, bool Revised)
    {
        public MarcRecord Record() => new(new Leader("00000nam a2200000 a 4500"),
        [
            new ControlField("001", $"ocm{FirstNumber + Number}"),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20240101120000.0"),
            new ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){FirstNumber + Number}")]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
            new DataField("245", '1', '0', [new Subfield('a', $"Title {Number}" + (Revised ? ". Revised edition." : "."))]),
        ]);
    }
}
