using System.Threading.Channels;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// The match look-ups of the import path (gateway §7 step 5), read together: the look-ups queued by concurrent callers
/// go out as one statement per repository for all their OCLC numbers, instead of one statement and one round trip each,
/// and each caller hears the records that carry its own numbers.
/// </summary>
/// <remarks>
/// Each look-up's statement starts after the look-up was asked for, so it sees every commit that returned before then,
/// as a statement of its own would. While one reader waits for its answer, the next takes the look-ups queued meanwhile.
/// </remarks>
internal sealed class PostgresMatchReader : IAsyncDisposable
{
    private readonly Func<string, long[], Task<IReadOnlyList<StoredRecord>>> _read;
    private readonly Channel<MatchLookup> _queue = Channel.CreateUnbounded<MatchLookup>();
    private readonly Task[] _readers;
    private readonly int _maxLookups;
    private long _combinedLookups;

    /// <param name="read">Reads the records of a repository that carry any of the numbers, ordered by id, in one statement.</param>
    /// <param name="readers">How many statements may be under way at once.</param>
    /// <param name="maxLookups">How many look-ups one statement answers at most.</param>
    public PostgresMatchReader(Func<string, long[], Task<IReadOnlyList<StoredRecord>>> read, int readers, int maxLookups)
    {
        _read = read;
        _maxLookups = Math.Max(1, maxLookups);
        _readers = [.. Enumerable.Range(0, Math.Max(1, readers)).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>How many look-ups were answered by a statement that answered others too.</summary>
    public long CombinedLookups => Interlocked.Read(ref _combinedLookups);

    /// <summary>The records of the repository that carry any of the numbers (distinct), ordered by id.</summary>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    public async Task<IReadOnlyList<StoredRecord>> FindAsync(string repository, long[] numbers, CancellationToken cancellationToken)
    {
        var lookup = new MatchLookup(repository, numbers, cancellationToken);
        if (!_queue.Writer.TryWrite(lookup))
        {
            throw new ObjectDisposedException(nameof(PostgresCatalogStore), "The catalog store is closed.");
        }

        return await lookup.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the look-ups in hand.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_readers).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var lookups = new List<MatchLookup>(_maxLookups);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            lookups.Clear();
            while (lookups.Count < _maxLookups && _queue.Reader.TryRead(out var lookup))
            {
                if (lookup.CancellationToken.IsCancellationRequested)
                {
                    lookup.Cancel();
                }
                else
                {
                    lookups.Add(lookup);
                }
            }

            // Nearly always one repository (an account writes to one); several go out side by side.
            await Task.WhenAll(lookups.GroupBy(l => l.Repository, StringComparer.Ordinal).Select(ReadAsync)).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(IGrouping<string, MatchLookup> lookups)
    {
        try
        {
            long[] numbers = [.. lookups.SelectMany(l => l.Numbers).Distinct()];
            var found = await _read(lookups.Key, numbers).ConfigureAwait(false);
            if (lookups.Count() > 1)
            {
                Interlocked.Add(ref _combinedLookups, lookups.Count());
            }

            foreach (var lookup in lookups)
            {
                lookup.Complete(found);
            }
        }
        catch (Exception error)
        {
            // Every caller hears the failure (already a CatalogStoreException when the store failed); none waits forever.
            foreach (var lookup in lookups)
            {
                lookup.Fail(error);
            }
        }
    }
}
