using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Benchmarks;

/// <summary>ISO 2709 reading and writing over the 1,000-record jazz file.</summary>
[MemoryDiagnoser]
public class Iso2709Benchmarks
{
    private byte[] _bytes = [];
    private List<MarcRecord> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Corpus.Load("valid/jazz_1k.mrc");
        _records = [.. Iso2709Reader.ReadAll(_bytes).Select(r => r.Record!)];
    }

    [Benchmark]
    public int Read()
    {
        var count = 0;
        foreach (var result in Iso2709Reader.ReadAll(_bytes))
        {
            count += result.Record!.Fields.Count;
        }

        return count;
    }

    [Benchmark]
    public int Write()
    {
        var total = 0;
        foreach (var record in _records)
        {
            total += Iso2709Writer.Write(record).Length;
        }

        return total;
    }
}
