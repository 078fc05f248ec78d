using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Reads a test corpus file completely, keeping the diagnostics found after the last record.</summary>
internal sealed record CorpusReading(IReadOnlyList<MarcReadResult> Results, IReadOnlyList<MarcDiagnostic> EndDiagnostics)
{
    public static CorpusReading Read(string relative, MarcReaderOptions options) => Read(File.ReadAllBytes(TestFiles.Marc(relative)), options);

    public static CorpusReading Read(byte[] bytes, MarcReaderOptions options)
    {
        using var reader = new Iso2709Reader(new MemoryStream(bytes), options);
        var results = new List<MarcReadResult>();
        while (reader.Read() is { } result)
        {
            results.Add(result);
        }

        return new CorpusReading(results, reader.EndDiagnostics);
    }

    /// <summary>Every diagnostic as (id, record, offset), in input order.</summary>
    public IEnumerable<(string Id, long Record, long Offset)> Tuples() =>
        Results.SelectMany(r => r.Diagnostics).Concat(EndDiagnostics).Select(d => (d.Id, d.RecordNumber, d.ByteOffset));

    public MarcRecord Record(int number) => Results[number - 1].Record ?? throw new InvalidOperationException($"record {number} was rejected");
}
