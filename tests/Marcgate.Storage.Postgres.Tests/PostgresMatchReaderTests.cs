using System.Text;
using System.Text.RegularExpressions;
using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>
/// The match look-ups of concurrent imports go out together, one statement per repository for all their OCLC numbers;
/// each caller still hears exactly the records of its repository that carry its own numbers, ordered by id.
/// </summary>
public sealed class PostgresMatchReaderTests : IAsyncLifetime
{
    private const string Network = "NETWORK";
    private const string Local = "LOCAL";
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private TestSchema? _schema;
    private PostgresCatalogStore? _store;

    private PostgresCatalogStore Store => _store!;

    public async Task InitializeAsync()
    {
        _schema = await TestSchema.CreateAsync();
        _store = await PostgresCatalogStore.OpenAsync(_schema.Location);
        await Store.AddRepositoryAsync(Network, s_t0, default);
        await Store.AddRepositoryAsync(Local, s_t0, default);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await _schema!.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_look_ups_read_together_and_each_hears_only_its_own_matches()
    {
        // Record i of NETWORK carries 7,000,000 + i and 7,100,000 + i; LOCAL holds the even ones under the same numbers.
        var held = new Dictionary<(string Repository, long Number), RecordId>();
        for (var i = 0; i < 40; i++)
        {
            foreach (var repository in i % 2 == 0 ? new[] { Network, Local } : [Network])
            {
                long[] numbers = [7_000_000 + i, 7_100_000 + i];
                var added = await Store.CommitAsync(Commit(repository, $"{repository} {i}", numbers), default);
                Assert.Equal(CommitStatus.Added, added.Status);
                foreach (var number in numbers)
                {
                    held[(repository, number)] = added.RecordId!.Value;
                }
            }
        }

        // Each look-up asks for two held numbers (often of two records) and one nobody holds.
        var lookups = Enumerable.Range(0, 400)
            .Select(k => (Repository: k % 3 == 0 ? Local : Network, Numbers: new long[] { 7_000_000 + (k % 40), 7_100_000 + (k * 7 % 40), 7_900_000 + k }))
            .ToList();
        using var start = new ManualResetEventSlim();
        var tasks = lookups.Select(lookup => Task.Run(async () =>
        {
            start.Wait();
            return await Store.FindByOclcNumbersAsync(lookup.Repository, [.. lookup.Numbers.Select(n => new OclcNumber(n))], default);
        })).ToArray();
        start.Set();
        var answers = await Task.WhenAll(tasks);

        for (var k = 0; k < lookups.Count; k++)
        {
            var (repository, numbers) = lookups[k];
            var expected = numbers.Where(n => held.ContainsKey((repository, n))).Select(n => held[(repository, n)]).Distinct().OrderBy(id => id.Value).ToList();
            Assert.Equal(expected, answers[k].Select(r => r.Id).ToList());
            Assert.All(answers[k], r => Assert.Equal(repository, r.Repository));
            Assert.All(answers[k], r => Assert.StartsWith(repository + " ", Encoding.UTF8.GetString(r.Content.Span)));
        }

        Assert.True(Store.CombinedMatchLookups > 0, "no two look-ups went out in one statement");
    }

    [Fact]
    public async Task A_look_up_sees_every_commit_that_returned_before_it_was_asked()
    {
        for (var i = 0; i < 30; i++)
        {
            var added = await Store.CommitAsync(Commit(Network, $"record {i}", [8_000_000 + i]), default);
            var found = await Store.FindByOclcNumbersAsync(Network, [new OclcNumber(8_000_000 + i)], default);
            Assert.Equal(added.RecordId, Assert.Single(found).Id);
        }
    }

    [Fact]
    public async Task A_look_up_planned_on_a_new_catalog_still_reads_a_few_pages_per_number_once_it_has_grown()
    {
        // The plan is made once per session (generic), here while the catalog holds 50 records, as when a host starts on a
        // new catalog; with oclc_number = ANY (…) such a plan went on to read every number of the repository.
        var options = new NpgsqlConnectionStringBuilder(_schema!.ConnectionString) { Options = "-c plan_cache_mode=force_generic_plan" };
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await AddRecordsAsync(connection, 1, 50);
        await using var lookup = PostgresCatalogStore.FindByOclcNumbersCommand(connection, Network, [1]);
        var statement = lookup.CommandText.Replace("@repository", "$1", StringComparison.Ordinal).Replace("@numbers", "$2", StringComparison.Ordinal);
        await Execute(connection, $"PREPARE lookup (text, bigint[]) AS {statement}");
        await Execute(connection, $"EXECUTE lookup ('{Network}', '{{1, 2, 3}}')");

        await AddRecordsAsync(connection, 51, 40_000);

        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) EXECUTE lookup ('{Network}', '{{100, 20000, 39999, 50000}}')", connection);
        var plan = new StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        // Three records of 40,000: a few pages per number, not every number of the repository.
        var text = plan.ToString();
        var pages = Regex.Match(text, @"Buffers: shared hit=(\d+)(?: read=(\d+))?");
        var buffers = pages.Groups.Values.Skip(1).Where(g => g.Success).Sum(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(buffers < 100, $"the look-up read {buffers} pages:\n{text}");
    }

    [Fact]
    public async Task A_look_up_already_cancelled_is_not_read_and_a_closed_store_refuses_one()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.FindByOclcNumbersAsync(Network, [new OclcNumber(1)], cancelled.Token));

        await Store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Store.FindByOclcNumbersAsync(Network, [new OclcNumber(1)], default));
    }

    /// <summary>Records <paramref name="first"/> to <paramref name="last"/> of NETWORK, each with its id as its OCLC number, written directly.</summary>
    private static Task AddRecordsAsync(NpgsqlConnection connection, int first, int last) =>
        Execute(connection, $"""
            INSERT INTO records (id, repository, version, created, updated) SELECT g, '{Network}', 1, now(), now() FROM generate_series({first}, {last}) g;
            INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at, action)
                SELECT g, 1, '\x00', 'hash ' || g, true, now(), 'added' FROM generate_series({first}, {last}) g;
            INSERT INTO oclc_numbers (repository, oclc_number, record_id) SELECT '{Network}', g, g FROM generate_series({first}, {last}) g;
            """);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static RecordCommit Commit(string repository, string text, long[] numbers) =>
        new(repository, Encoding.UTF8.GetBytes(text), [.. numbers.Select(n => new OclcNumber(n))], s_t0, "192.0.2.10") { PrimaryOclcNumber = new OclcNumber(numbers[0]) };
}
