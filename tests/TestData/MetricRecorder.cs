using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Marcgate.Catalog.Metrics;

namespace Marcgate.Tests;

/// <summary>
/// Listens to the <c>Marcgate</c> meter as an exporter would (a <see cref="MeterListener"/>) and keeps every
/// measurement made while it listens, with its tags, for tests to add up.
/// </summary>
/// <remarks>
/// The instruments are static, so a test that reads them runs in <see cref="MetricsCollection"/>, alone, and still picks
/// its measurements by tags of its own (a repository, a store) where the instrument has them.
/// </remarks>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MarcgateMeter.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The instruments seen so far, by name, with their units.</summary>
    public IReadOnlyDictionary<string, string?> Instruments =>
        _measurements.GroupBy(m => m.Instrument.Name).ToDictionary(g => g.Key, g => g.First().Instrument.Unit);

    /// <summary>Every measurement of the instrument whose tags include all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, string? Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument.Name == instrument && tags.All(t => Equals(m.Tag(t.Key), t.Value)))];

    /// <summary>The sum of the instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument, value, tags.ToArray()));

    /// <summary>One measurement as the listener saw it.</summary>
    internal sealed record Measurement(Instrument Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        /// <summary>The tag's value as text, or null when the measurement has no such tag.</summary>
        public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value?.ToString();
    }
}

/// <summary>Tests that read the static instruments: run alone, so no other test's measurements mix in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
