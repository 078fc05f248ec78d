using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Serialises, within one process, the imports that touch the same OCLC numbers of a repository (or,
/// for records without one, the same content), so concurrent sends of one record do not race each
/// other into repeated commit conflicts or into two copies.
/// </summary>
/// <remarks>
/// Correctness does not rest on this: the store's constraints and versioned commits keep two records
/// from ever sharing a number, across processes too; the locks only make the retries rare.
/// Records without an OCLC number are committed with <see cref="RecordCommit.MatchOnContent"/>: the store
/// refuses a second record of the same content, across processes too; their content-hash stripe only
/// keeps such retries rare.
/// Numbers map onto a fixed set of stripes, taken in ascending order so two imports never deadlock.
/// </remarks>
internal sealed class OclcNumberLocks
{
    private const int StripeCount = 256;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the stripes of every number; dispose the result to release them.</summary>
    public Task<IDisposable> AcquireAsync(string repository, IEnumerable<OclcNumber> numbers, CancellationToken cancellationToken) =>
        AcquireStripesAsync(
            numbers.Select(n => (int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(repository), n.Value) % StripeCount)),
            cancellationToken);

    /// <summary>
    /// Waits for the stripe of a content hash, the only key a record without an OCLC number has, so two
    /// identical such records sent at once become one add and one <c>unchanged</c> (gateway §7 step 7).
    /// </summary>
    public Task<IDisposable> AcquireAsync(string repository, string contentHash, CancellationToken cancellationToken) =>
        AcquireStripesAsync(
            [(int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(repository), StringComparer.Ordinal.GetHashCode(contentHash)) % StripeCount)],
            cancellationToken);

    private async Task<IDisposable> AcquireStripesAsync(IEnumerable<int> stripes, CancellationToken cancellationToken)
    {
        var indexes = stripes.Distinct().Order().ToArray();
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
