using Marcgate.Catalog.Matching;

namespace Marcgate.Catalog.Tests.Matching;

// gateway §7 step 5: prefixes ocm/ocn/on and leading zeros are ignored.
public sealed class OclcNumberTests
{
    [Theory]
    [InlineData("ocm00012345", 12345)]
    [InlineData("ocn123456789", 123456789)]
    [InlineData("on1234567890", 1234567890)]
    [InlineData("00012345", 12345)]
    [InlineData("12345", 12345)]
    [InlineData(" 63111280 ", 63111280)]
    [InlineData("OCM00000001", 1)]
    public void Parses_bare_numbers_with_and_without_prefixes(string text, long expected)
    {
        Assert.True(OclcNumber.TryParse(text, out var number));
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ocm")]
    [InlineData("0000")]
    [InlineData("12a45")]
    [InlineData("-12345")]
    [InlineData("ocm 12345")]
    [InlineData("1234567890123456")]
    [InlineData("12345 6")]
    public void Rejects_garbage(string? text)
    {
        Assert.False(OclcNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("(OCoLC)ocm00012345", 12345)]
    [InlineData("(OCoLC)12345", 12345)]
    [InlineData("(OCoLC)on1234567890", 1234567890)]
    public void Parses_system_numbers(string text, long expected)
    {
        Assert.True(OclcNumber.TryParseSystemNumber(text, out var number));
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData("(DLC)12345")]
    [InlineData("12345")]
    [InlineData("(OCoLC)")]
    [InlineData("(OCoLC)abc")]
    [InlineData("(ocolc)12345")]
    public void Rejects_other_agencies_and_garbage_as_system_numbers(string text)
    {
        Assert.False(OclcNumber.TryParseSystemNumber(text, out _));
    }

    [Fact]
    public void Different_spellings_are_one_number()
    {
        OclcNumber.TryParseSystemNumber("(OCoLC)ocm00012345", out var a);
        OclcNumber.TryParse("12345", out var b);
        Assert.Equal(a, b);
        Assert.Equal("(OCoLC)12345", a.ToSystemNumber());
        Assert.Equal("12345", a.ToString());
    }
}
