using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Tests.Storage;

public sealed class OclcNumberTests
{
    // Gateway §7 step 5: prefixes ocm, ocn, on and leading zeros are ignored.
    [Theory]
    [InlineData("(OCoLC)63111280", 63111280)]
    [InlineData("(OCoLC)ocm00012345", 12345)]
    [InlineData("(OCoLC)ocn123456789", 123456789)]
    [InlineData("(OCoLC)on1234567890", 1234567890)]
    [InlineData("(OCoLC) 0042 ", 42)]
    [InlineData("ocm63111280 ", 63111280)]
    [InlineData("on1234567890", 1234567890)]
    [InlineData("000000000007", 7)]
    public void Prefixes_spaces_and_leading_zeros_are_ignored(string text, long expected)
    {
        Assert.True(OclcNumber.TryParse(text, out var number));
        Assert.Equal(expected, number.Value);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), number.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("(OCoLC)")]
    [InlineData("(DLC)2001012345")]
    [InlineData("ocm")]
    [InlineData("0000")]
    [InlineData("12a45")]
    [InlineData("-12")]
    [InlineData("1234567890123456789")]
    [InlineData("(OCoLC)ocm-1")]
    public void Other_text_is_not_an_oclc_number(string text)
    {
        Assert.False(OclcNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
    }
}
