using System.Text;
using Marcgate.Cli.Validate;

namespace Marcgate.Cli.Tests.Validate;

/// <summary>The report buffer writes characters as UTF-8, and writes remembered text again for the same key only.</summary>
public sealed class ValidateReportBufferTests
{
    [Fact]
    public void Characters_are_written_as_utf8()
    {
        var buffer = new ValidateReportBuffer(1);
        foreach (var c in "a$\u00e9\u6771")
        {
            buffer.Write(c);
        }

        Assert.Equal("a$\u00e9\u6771", Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public void Remembered_text_is_written_again_for_the_same_key_only()
    {
        var buffer = new ValidateReportBuffer(4);
        var keys = Enumerable.Range(0, 2000).Select(i => new object()).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.False(buffer.TryWriteRemembered(keys[i]));
            var start = buffer.Length;
            buffer.Write($"line {i}\n");
            buffer.Remember(keys[i], start);
        }

        // More keys than slots: some were pushed out, and those are rendered anew; none is answered with another's text.
        buffer.Clear();
        var expected = new StringBuilder();
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            if (!buffer.TryWriteRemembered(keys[i]))
            {
                buffer.Write($"line {i}\n");
            }

            expected.Append($"line {i}\n");
        }

        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(buffer.Written));
        Assert.True(buffer.TryWriteRemembered(keys[^1]));
    }
}
