using System.Text;
using Marcgate.Marc.Charset;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>The pymarc answer key: line i of test_marc8.txt decodes to line i of test_utf8.txt.</summary>
public sealed class Marc8OracleTests
{
    [Fact]
    public void Every_oracle_line_decodes_to_its_answer()
    {
        var marc8 = SplitLines(File.ReadAllBytes(TestFiles.Marc("marc8-oracle/test_marc8.txt")));
        var utf8 = SplitLines(File.ReadAllBytes(TestFiles.Marc("marc8-oracle/test_utf8.txt")));
        Assert.Equal(1515, marc8.Count);
        Assert.Equal(marc8.Count, utf8.Count);

        var wrong = new List<string>();
        for (var i = 0; i < marc8.Count; i++)
        {
            var diagnostics = new List<MarcDiagnostic>();
            var actual = MarcCharsetConverter.Marc8ToUnicode(marc8[i], diagnostics);
            var expected = Encoding.UTF8.GetString(utf8[i]).Normalize(NormalizationForm.FormC);
            if (actual != expected || diagnostics.Count > 0)
            {
                wrong.Add($"line {i + 1}: expected [{expected}] got [{actual}] {string.Join("; ", diagnostics)}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {marc8.Count} lines differ:\n" + string.Join("\n", wrong.Take(20)));
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }
}
