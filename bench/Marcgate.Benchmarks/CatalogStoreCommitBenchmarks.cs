using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Marcgate.Catalog.Storage;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Benchmarks;

/// <summary>
/// Durable record commits into the SQLite catalog store as the import pipeline makes them (match on
/// the OCLC number, then commit with its receipt), with 1 and 32 concurrent writers: group commit
/// must lift 32 writers well above one fsync per record.
/// </summary>
[Config(typeof(StoreConfig))]
[MemoryDiagnoser]
public class CatalogStoreCommitBenchmarks
{
    private const int RecordsPerIteration = 4000;
    private const string Repository = "NETWORK";

    private byte[][] _records = [];
    private string _directory = string.Empty;
    private SqliteCatalogStore? _store;
    private long _batchesBefore;

    /// <summary>Concurrent writers, as concurrent gateway connections.</summary>
    [Params(1, 32)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void LoadRecords() =>
        _records = [.. Iso2709Reader.ReadAll(Corpus.Load("valid/jazz_1k.mrc")).Select(r => Iso2709Writer.Write(r.Record!))];

    [IterationSetup]
    public void OpenEmptyStore()
    {
        _directory = Directory.CreateTempSubdirectory("marcgate-bench-").FullName;
        _store = SqliteCatalogStore.OpenAsync(_directory).GetAwaiter().GetResult();
        _store.AddRepositoryAsync(Repository, DateTimeOffset.UtcNow, default).GetAwaiter().GetResult();
        _batchesBefore = _store.CommittedBatches;
    }

    [IterationCleanup]
    public void CloseStore()
    {
        var batches = _store!.CommittedBatches - _batchesBefore;
        Console.WriteLine($"// {Writers} writers: {RecordsPerIteration} commits in {batches} transactions ({(double)RecordsPerIteration / batches:F1} per fsync)");
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerIteration)]
    public async Task<int> MatchAndCommit()
    {
        var store = _store!;
        var next = -1;
        var added = 0;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < RecordsPerIteration)
            {
                OclcNumber[] numbers = [new OclcNumber(1_000_000 + i)];
                var matches = await store.FindByOclcNumbersAsync(Repository, numbers, default).ConfigureAwait(false);
                var commit = new RecordCommit(Repository, _records[i % _records.Length], numbers, DateTimeOffset.UtcNow, "127.0.0.1")
                {
                    ExistingId = matches.Count == 1 ? matches[0].Id : null,
                    ExpectedVersion = matches.Count == 1 ? matches[0].Version : 0,
                    PrimaryOclcNumber = numbers[0],
                    LogonId = "BENCH",
                };
                var result = await store.CommitAsync(commit, default).ConfigureAwait(false);
                if (result.Status == CommitStatus.Added)
                {
                    Interlocked.Increment(ref added);
                }
            }
        }));
        await Task.WhenAll(writers).ConfigureAwait(false);
        return added;
    }

    /// <summary>Whole iterations of real fsyncs: no pilot, no unrolling, in process.</summary>
    private sealed class StoreConfig : ManualConfig
    {
        public StoreConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
