using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Benchmarks;

/// <summary>MARC 21 validation of the 1,000-record jazz file at each level: records already read, and read from bytes too.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[] _bytes = [];
    private List<MarcRecord> _records = [];

    [Params(ValidationLevel.Structure, ValidationLevel.Basic, ValidationLevel.Full)]
    public ValidationLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Corpus.Load("valid/jazz_1k.mrc");
        _records = [.. Iso2709Reader.ReadAll(_bytes).Select(r => r.Record!)];
    }

    [Benchmark(Baseline = true)]
    public int Validate()
    {
        var findings = 0;
        foreach (var record in _records)
        {
            findings += MarcValidator.Instance.Validate(record, Level).Count;
        }

        return findings;
    }

    /// <summary>What <c>marcgate validate</c> does per record before it writes the report: frame, parse, validate.</summary>
    [Benchmark]
    public int ReadAndValidate()
    {
        var findings = 0;
        using var reader = new Iso2709Reader(new MemoryStream(_bytes, writable: false));
        while (reader.ReadFrame() is { } frame)
        {
            if (frame.Parse().Record is { } record)
            {
                findings += MarcValidator.Instance.Validate(record, Level).Count;
            }
        }

        return findings;
    }
}
