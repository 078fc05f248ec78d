using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Benchmarks;

/// <summary>MARC 21 validation of the 1,000-record jazz file at each level (records already read).</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private List<MarcRecord> _records = [];

    [Params(ValidationLevel.Structure, ValidationLevel.Basic, ValidationLevel.Full)]
    public ValidationLevel Level { get; set; }

    [GlobalSetup]
    public void Setup() => _records = [.. Iso2709Reader.ReadAll(Corpus.Load("valid/jazz_1k.mrc")).Select(r => r.Record!)];

    [Benchmark]
    public int Validate()
    {
        var findings = 0;
        foreach (var record in _records)
        {
            findings += MarcValidator.Instance.Validate(record, Level).Count;
        }

        return findings;
    }
}
