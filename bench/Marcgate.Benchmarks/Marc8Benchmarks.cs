using System.Text;
using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Benchmarks;

/// <summary>
/// MARC-8 to Unicode: whole records of the two bulk MARC-8 files (lul_fre_500: dense ANSEL diacritics;
/// jazz_1k: mostly ASCII) and the 1,515 oracle lines (EACC, Hebrew, Arabic), plus the encoder.
/// </summary>
[MemoryDiagnoser]
public class Marc8Benchmarks
{
    private List<MarcRecord> _french = [];
    private List<MarcRecord> _jazz = [];
    private List<MarcRecord> _frenchUnicode = [];
    private string[] _oracle = [];

    [GlobalSetup]
    public void Setup()
    {
        _french = [.. Iso2709Reader.ReadAll(Corpus.Load("valid/lul_fre_500.mrc")).Select(r => r.Record!)];
        _jazz = [.. Iso2709Reader.ReadAll(Corpus.Load("valid/jazz_1k.mrc")).Select(r => r.Record!)];
        _frenchUnicode = [.. _french.Select(r => MarcCharsetConverter.ToUnicode(r))];
        _oracle = Encoding.Latin1.GetString(Corpus.Load("marc8-oracle/test_marc8.txt")).Split('\n');
    }

    [Benchmark]
    public int DiacriticDenseRecordsToUnicode() => Convert(_french);

    [Benchmark]
    public int MostlyAsciiRecordsToUnicode() => Convert(_jazz);

    [Benchmark]
    public int OracleLinesToUnicode()
    {
        var total = 0;
        foreach (var line in _oracle)
        {
            total += MarcCharsetConverter.Marc8ToUnicode(line).Length;
        }

        return total;
    }

    [Benchmark]
    public int DiacriticDenseRecordsToMarc8()
    {
        var total = 0;
        foreach (var record in _frenchUnicode)
        {
            total += MarcCharsetConverter.ToMarc8(record).Fields.Count;
        }

        return total;
    }

    private static int Convert(List<MarcRecord> records)
    {
        var total = 0;
        foreach (var record in records)
        {
            total += MarcCharsetConverter.ToUnicode(record).Fields.Count;
        }

        return total;
    }
}
