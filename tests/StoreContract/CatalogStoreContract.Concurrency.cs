using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    // A retry budget far above what contention needs; a store that livelocks fails instead of hanging.
    private const int MaxAttempts = 200;

    [Fact]
    public async Task Many_writers_importing_one_oclc_number_at_once_create_exactly_one_record()
    {
        const int writers = 32;
        using var start = new ManualResetEventSlim();
        var imports = Enumerable.Range(0, writers)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await ImportAsync(Add(Network, $"copy {i}", 63111280, 19000 + i));
            }))
            .ToArray();
        start.Set();

        var results = await Task.WhenAll(imports);

        Assert.Equal(1, results.Count(r => r.Status == CommitStatus.Added));
        Assert.All(results, r => Assert.True(r.Succeeded));
        var record = Assert.Single(await Store.FindByOclcNumbersAsync(Network, Numbers(63111280), default));
        Assert.All(results, r => Assert.Equal(record.Id, r.RecordId));
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
        var history = await Store.GetHistoryAsync(Network, record.Id, default);
        Assert.Equal(1 + results.Count(r => r.Status == CommitStatus.Overlaid), history.Count);
        Assert.Equal(history.Count, record.Version);
        Assert.Equal(writers, (await Store.GetLastReceiptsAsync(1000, default)).Count);
    }

    [Fact]
    public async Task Concurrent_commits_all_complete_and_each_sees_its_own_result()
    {
        const int writers = 200;
        var commits = Enumerable.Range(1, writers)
            .Select(i => Task.Run(() => Store.CommitAsync(Add(Network, $"record {i}", 70000 + i), default)))
            .ToArray();

        var results = await Task.WhenAll(commits);

        Assert.All(results, r => Assert.Equal(CommitStatus.Added, r.Status));
        Assert.Equal(writers, results.Select(r => r.RecordId).Distinct().Count());
        Assert.Equal(writers, results.Select(r => r.ReceiptId).Distinct().Count());
        for (var i = 1; i <= writers; i++)
        {
            var record = await Store.GetRecordAsync(Network, results[i - 1].RecordId!.Value, default);
            Assert.Equal(Content($"record {i}"), record!.Content.ToArray());
            Assert.Equal(Numbers(70000 + i), record.OclcNumbers);
        }

        Assert.Equal(writers, await Store.CountRecordsAsync(Network, default));
    }

    [Fact]
    public async Task A_failing_write_among_concurrent_ones_fails_alone()
    {
        var commits = Enumerable.Range(1, 60)
            .Select(i => Task.Run(() => Store.CommitAsync(Add(i % 10 == 0 ? "NOWHERE" : Network, $"record {i}", 80000 + i), default)))
            .ToArray();

        await Task.WhenAll(commits.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var i = 1; i <= commits.Length; i++)
        {
            if (i % 10 == 0)
            {
                Assert.IsType<UnknownRepositoryException>(commits[i - 1].Exception?.InnerException);
            }
            else
            {
                Assert.Equal(CommitStatus.Added, (await commits[i - 1]).Status);
            }
        }

        Assert.Equal(54, await Store.CountRecordsAsync(Network, default));
        Assert.Equal(54, (await Store.GetLastReceiptsAsync(100, default)).Count);
    }

    /// <summary>What the import pipeline does (gateway §7 step 5): match, commit at the matched version, and match again on a conflict.</summary>
    private async Task<CommitResult> ImportAsync(RecordCommit incoming)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var matches = await Store.FindByOclcNumbersAsync(incoming.Repository, incoming.OclcNumbers, default);
            Assert.True(matches.Count <= 1, "The index shows several records for one OCLC number.");
            var commit = matches.Count == 0
                ? incoming
                : incoming with { ExistingId = matches[0].Id, ExpectedVersion = matches[0].Version };
            var result = await Store.CommitAsync(commit, default);
            if (result.Succeeded)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"No commit succeeded in {MaxAttempts} attempts.");
    }
}
