using System.Diagnostics;

namespace Marcgate.Catalog.Import;

/// <summary>Passes every request to the import pipeline and counts it, with its time, in an <see cref="ImportActivity"/>.</summary>
public sealed class MeasuredGatewayImporter : IGatewayImporter
{
    private readonly IGatewayImporter _inner;
    private readonly ImportActivity _activity;

    /// <summary>Measures <paramref name="inner"/> into <paramref name="activity"/>.</summary>
    public MeasuredGatewayImporter(IGatewayImporter inner, ImportActivity activity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(activity);
        _inner = inner;
        _activity = activity;
    }

    /// <inheritdoc />
    public ReceivedRecord Read(ReadOnlyMemory<byte> bytes) => _inner.Read(bytes);

    /// <inheritdoc />
    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await _inner.ImportAsync(request, cancellationToken).ConfigureAwait(false);
        _activity.Record(Stopwatch.GetElapsedTime(started), outcome.Ok);
        return outcome;
    }
}
