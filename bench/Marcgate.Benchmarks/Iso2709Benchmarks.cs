using System.Buffers;
using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Benchmarks;

/// <summary>ISO 2709 reading and writing: the 1,000-record MARC-8 jazz file and the 100-record UTF-8 file.</summary>
[MemoryDiagnoser]
public class Iso2709Benchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(1 << 21);
    private byte[] _bytes = [];
    private List<MarcRecord> _records = [];

    /// <summary>The corpus file read or written.</summary>
    [Params("valid/jazz_1k.mrc", "valid/100.mrc")]
    public string File { get; set; } = "valid/jazz_1k.mrc";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Corpus.Load(File);
        _records = [.. Iso2709Reader.ReadAll(_bytes).Select(r => r.Record!)];
    }

    [Benchmark]
    public int Read() => Count(MarcReaderOptions.Default);

    [Benchmark]
    public int ReadStrict() => Count(MarcReaderOptions.StrictDefault);

    [Benchmark]
    public int Write()
    {
        _output.ResetWrittenCount();
        foreach (var record in _records)
        {
            Iso2709Writer.Write(record, _output);
        }

        return _output.WrittenCount;
    }

    private int Count(MarcReaderOptions options)
    {
        var count = 0;
        using var reader = new Iso2709Reader(new MemoryStream(_bytes, writable: false), options);
        while (reader.Read() is { } result)
        {
            count += result.Record?.Fields.Count ?? 0;
        }

        return count;
    }
}
