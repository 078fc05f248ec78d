using System.Text;
using Marcgate.Marc.Json;

namespace Marcgate.Marc.Tests.Json;

/// <summary>Bytes that are not UTF-8 inside a MARC-in-JSON string are bad content, reported, never an exception.</summary>
public sealed class InvalidUtf8InJsonTests
{
    private static byte[] Json(byte[] subfieldValue) =>
    [
        .. """{"leader":"00000nam a2200000 a 4500","fields":[{"001":"x1"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":" """u8.ToArray()[..^1],
        .. subfieldValue,
        .. """\u00e9 \"q\""}]}}]}"""u8.ToArray(),
    ];

    [Fact]
    public void Invalid_utf8_in_a_subfield_is_read_as_replacement_characters_with_a_warning()
    {
        var result = MarcJsonReader.ReadAll(Json([(byte)'T', 0xC3, 0x28, 0xFF, (byte)'t'])).Single();

        var field = Assert.IsType<DataField>(result.Record!.Fields.Single(f => f.Tag == "245"));
        Assert.Equal("T\uFFFD(\uFFFDt\u00e9 \"q\"", field.Subfields.Single().Value);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == MarcDiagnosticIds.InvalidUtf8);
        Assert.Equal(MarcSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Strict_reading_rejects_the_record_instead()
    {
        var result = MarcJsonReader.ReadAll(Json([0xFF]), MarcReaderOptions.StrictDefault).Single();

        Assert.Null(result.Record);
        Assert.Contains(result.Diagnostics, d => d.Id == MarcDiagnosticIds.InvalidUtf8 && d.Severity == MarcSeverity.Error);
    }

    [Fact]
    public void Valid_text_reads_as_before()
    {
        var result = MarcJsonReader.ReadAll(Json(Encoding.UTF8.GetBytes("Tést"))).Single();

        Assert.Equal("Tést\u00e9 \"q\"", ((DataField)result.Record!.Fields.Single(f => f.Tag == "245")).Subfields.Single().Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == MarcDiagnosticIds.InvalidUtf8);
    }
}
