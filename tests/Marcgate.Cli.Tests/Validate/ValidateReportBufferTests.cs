using System.Text;
using Marcgate.Cli.Validate;

namespace Marcgate.Cli.Tests.Validate;

/// <summary>The report buffer writes characters as UTF-8.</summary>
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
}
