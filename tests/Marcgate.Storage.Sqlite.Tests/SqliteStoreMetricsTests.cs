using Marcgate.Catalog.Storage;
using Marcgate.Tests;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite.Tests;

/// <summary>What the group-commit writer reports to the Marcgate meter, tagged <c>store=sqlite</c>.</summary>
[Collection(MetricsCollection.Name)]
public sealed class SqliteStoreMetricsTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Every_durable_batch_reports_its_size_and_latency()
    {
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path);
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        var batchesBefore = store.CommittedBatches;
        using var metrics = new MetricRecorder();

        var commits = Enumerable.Range(1, 40).Select(i => store.CommitAsync(new RecordCommit("NETWORK", new byte[] { (byte)i }, [new OclcNumber(i)], s_t0, "192.0.2.1"), default));
        Assert.All(await Task.WhenAll(commits), c => Assert.Equal(CommitStatus.Added, c.Status));

        var sizes = metrics.Of("marcgate.store.commit.batch.size", ("store", "sqlite"));
        var latencies = metrics.Of("marcgate.store.commit.duration", ("store", "sqlite"));
        Assert.Equal(40, sizes.Sum(s => s.Value));
        Assert.Equal(store.CommittedBatches - batchesBefore, sizes.Count);
        Assert.Equal(sizes.Count, latencies.Count);
        Assert.All(latencies, l => Assert.InRange(l.Value, double.Epsilon, 60));
        Assert.Equal(("{write}", "s"), (metrics.Instruments["marcgate.store.commit.batch.size"], metrics.Instruments["marcgate.store.commit.duration"]));
    }

    [Fact]
    public async Task A_failed_flush_is_one_store_error_and_no_batch_is_reported_durable()
    {
        using var metrics = new MetricRecorder();
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path, new SqliteCatalogStoreOptions { BeforeWalFlush = () => throw new IOException("the disk went away") });

        await Assert.ThrowsAsync<CatalogStoreException>(() => store.AddRepositoryAsync("NETWORK", s_t0, default));
        await Assert.ThrowsAsync<CatalogStoreException>(() => store.AddRepositoryAsync("SANDBOX", s_t0, default));

        Assert.Equal(1, metrics.Sum("marcgate.store.errors", ("store", "sqlite"), ("operation", "flush")));
        Assert.Equal(1, metrics.Sum("marcgate.store.errors"));
        Assert.Empty(metrics.Of("marcgate.store.commit.batch.size"));
    }
}
