using BenchmarkDotNet.Attributes;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Json;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Xml;

namespace Marcgate.Benchmarks;

/// <summary>MARCXML, MARC-in-JSON and mnemonic text over the 100-record UTF-8 file: the ISO 2709 → MARCXML bytes path, each writer, each reader.</summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private byte[] _iso2709 = [];
    private byte[] _xml = [];
    private byte[] _json = [];
    private byte[] _mnemonic = [];
    private List<MarcRecord> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        _iso2709 = Corpus.Load("valid/100.mrc");
        _records = [.. Iso2709Reader.ReadAll(_iso2709).Select(r => r.Record!)];
        _xml = WriteAll(s => new MarcXmlWriter(s, leaveOpen: true));
        _json = WriteAll(s => new MarcJsonWriter(s, leaveOpen: true));
        _mnemonic = WriteAll(s => new MnemonicWriter(s, leaveOpen: true));
    }

    /// <summary>What <c>marcgate convert --to marcxml</c> does for clean UTF-8 input.</summary>
    [Benchmark(Baseline = true)]
    public long ConvertIso2709ToMarcXml()
    {
        using var output = new CountingStream();
        using (var writer = new MarcXmlWriter(output, leaveOpen: true))
        {
            new MarcConverter(writer, TargetCharset.Unchanged, (_, _) => { }).Convert(new MemoryStream(_iso2709), "100.mrc", MarcFormat.Iso2709, MarcReaderOptions.Default);
            writer.Complete();
        }

        return output.Length;
    }

    [Benchmark]
    public long WriteMarcXml() => WriteAll(s => new MarcXmlWriter(s, leaveOpen: true)).LongLength;

    [Benchmark]
    public long WriteJson() => WriteAll(s => new MarcJsonWriter(s, leaveOpen: true)).LongLength;

    [Benchmark]
    public long WriteMnemonic() => WriteAll(s => new MnemonicWriter(s, leaveOpen: true)).LongLength;

    [Benchmark]
    public int ReadMarcXml() => MarcXmlReader.ReadAll(_xml).Count();

    [Benchmark]
    public int ReadJson() => MarcJsonReader.ReadAll(_json).Count();

    [Benchmark]
    public int ReadMnemonic() => MnemonicReader.ReadAll(_mnemonic).Count();

    private byte[] WriteAll(Func<Stream, IMarcRecordWriter> create)
    {
        using var memory = new MemoryStream();
        using (var writer = create(memory))
        {
            foreach (var record in _records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return memory.ToArray();
    }

    /// <summary>A sink that only counts, so the benchmark measures encoding, not copying into memory.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
