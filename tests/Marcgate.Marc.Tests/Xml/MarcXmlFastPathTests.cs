using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Xml;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Xml;

/// <summary>The bytes-to-bytes ISO 2709 → MARCXML path must give exactly what parsing and writing give, diagnostics included.</summary>
public sealed class MarcXmlFastPathTests
{
    public static TheoryData<string> Iso2709Files =>
        [.. new[] { "valid", "invalid", "yaz-golden" }
            .SelectMany(dir => Directory.GetFiles(TestFiles.Marc(dir)))
            .Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal)
                && !f.EndsWith(".chr", StringComparison.Ordinal) && !f.Contains(".mrk", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestFiles.Marc(""), f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Iso2709Files))]
    public void Converter_output_equals_parse_then_write(string file)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(file));
        foreach (var options in new[] { MarcReaderOptions.Default, MarcReaderOptions.StrictDefault })
        {
            var slowDiagnostics = new List<string>();
            using var slow = new MemoryStream();
            using (var writer = new MarcXmlWriter(slow, leaveOpen: true))
            {
                using var reader = new Iso2709Reader(new MemoryStream(bytes), options);
                while (reader.Read() is { } result)
                {
                    var diagnostics = new List<MarcDiagnostic>(result.Diagnostics);
                    if (result.Record is { } record)
                    {
                        writer.Write(record, diagnostics, result.RecordNumber);
                    }

                    slowDiagnostics.AddRange(diagnostics.Select(d => d.ToString()));
                }

                slowDiagnostics.AddRange(reader.EndDiagnostics.Select(d => d.ToString()));

                writer.Complete();
            }

            var fastDiagnostics = new List<string>();
            using var fast = new MemoryStream();
            using (var writer = new MarcXmlWriter(fast, leaveOpen: true))
            {
                var converter = new MarcConverter(writer, TargetCharset.Unchanged, (_, d) => fastDiagnostics.Add(d.ToString()));
                converter.Convert(new MemoryStream(bytes), file, MarcFormat.Iso2709, options);
                writer.Complete();
            }

            Assert.Equal(slowDiagnostics, fastDiagnostics);
            Assert.Equal(slow.ToArray(), fast.ToArray());
        }
    }

    [Fact]
    public void Clean_utf8_records_take_the_fast_path_and_odd_ones_do_not()
    {
        using var writer = new MarcXmlWriter(Stream.Null);
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc("valid/100.mrc"))))
        {
            Assert.True(writer.TryWriteIso2709(Iso2709Writer.Write(result.Record!), 10_000));
        }

        var record = Iso2709Writer.Write(Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc"))).Single().Record!);
        var oddLeader = (byte[])record.Clone();
        oddLeader[22] = (byte)' ';
        Assert.False(writer.TryWriteIso2709(oddLeader, 10_000));
        var controlByte = (byte[])record.Clone();
        controlByte[^3] = 0x14;
        Assert.False(writer.TryWriteIso2709(controlByte, 10_000));
        Assert.False(writer.TryWriteIso2709(record, 2));
    }
}
