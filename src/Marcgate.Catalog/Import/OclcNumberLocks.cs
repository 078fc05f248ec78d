using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Serialises, within one process, the imports that touch the same OCLC numbers of a repository, so
/// concurrent sends of one record do not race each other into repeated commit conflicts.
/// </summary>
/// <remarks>
/// Correctness does not rest on this: the store's constraints and versioned commits keep two records
/// from ever sharing a number, across processes too (issue 3); the locks only make the retries rare.
/// Numbers map onto a fixed set of stripes, taken in ascending order so two imports never deadlock.
/// </remarks>
internal sealed class OclcNumberLocks
{
    private const int StripeCount = 256;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the stripes of every number; dispose the result to release them.</summary>
    public async Task<IDisposable> AcquireAsync(string repository, IEnumerable<OclcNumber> numbers, CancellationToken cancellationToken)
    {
        var indexes = numbers
            .Select(n => (int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(repository), n.Value) % StripeCount))
            .Distinct()
            .Order()
            .ToArray();
        var held = new Release(_stripes);
        try
        {
            foreach (var index in indexes)
            {
                await _stripes[index].WaitAsync(cancellationToken).ConfigureAwait(false);
                held.Indexes.Add(index);
            }
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return held;
    }

    private sealed class Release(SemaphoreSlim[] stripes) : IDisposable
    {
        public List<int> Indexes { get; } = [];

        public void Dispose()
        {
            foreach (var index in Indexes)
            {
                stripes[index].Release();
            }

            Indexes.Clear();
        }
    }
}
