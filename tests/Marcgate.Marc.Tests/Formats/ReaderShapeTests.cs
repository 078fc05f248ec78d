using System.Reflection;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Json;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Xml;

namespace Marcgate.Marc.Tests.Formats;

/// <summary>Every record reader has one shape: the same constructor, the same static ReadAll and the common interface.</summary>
public sealed class ReaderShapeTests
{
    private static readonly Type[] s_readers = [typeof(Iso2709Reader), typeof(MarcXmlReader), typeof(MarcJsonReader), typeof(MnemonicReader)];

    [Fact]
    public void Every_public_reader_of_the_library_is_listed_here()
    {
        var readers = typeof(IMarcRecordReader).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && typeof(IMarcRecordReader).IsAssignableFrom(t));

        Assert.Equal(s_readers.Select(t => t.FullName).Order(), readers.Select(t => t.FullName).Order());
    }

    [Fact]
    public void Every_reader_has_the_same_constructor_and_ReadAll()
    {
        Assert.All(s_readers, reader =>
        {
            Assert.NotNull(reader.GetConstructor([typeof(Stream), typeof(MarcReaderOptions), typeof(bool)]));
            var readAll = reader.GetMethod("ReadAll", BindingFlags.Public | BindingFlags.Static, [typeof(byte[]), typeof(MarcReaderOptions)]);
            Assert.NotNull(readAll);
            Assert.Equal(typeof(IEnumerable<MarcReadResult>), readAll.ReturnType);
            Assert.True(readAll.GetParameters()[1].HasDefaultValue);
        });
    }

    [Fact]
    public void An_iso2709_input_opens_as_an_Iso2709Reader_with_its_end_diagnostics()
    {
        byte[] bytes = [.. File.ReadAllBytes(Read.Corpus("valid/summerland.mrc")), .. "junk"u8];

        using var reader = MarcFormats.OpenReader(new MemoryStream(bytes), null, MarcReaderOptions.Default, out var detected);
        var results = new List<MarcReadResult>();
        while (reader.Read() is { } result)
        {
            results.Add(result);
        }

        Assert.Equal(MarcFormat.Iso2709, detected);
        Assert.IsType<Iso2709Reader>(reader);
        Assert.Equal(Iso2709Reader.ReadAll(bytes).Select(Bytes), results.Select(Bytes));
        Assert.NotEmpty(reader.EndDiagnostics);
    }

    private static string Bytes(MarcReadResult result) => result.Record is { } record ? Convert.ToHexString(Iso2709Writer.Write(record)) : "rejected";
}
