using Marcgate.Catalog.Profiles;

namespace Marcgate.Catalog.Tests.Profiles;

public sealed class TagPatternTests
{
    [Theory]
    [InlineData("9XX", "900", true)]
    [InlineData("9XX", "994", true)]
    [InlineData("9xx", "949", true)]
    [InlineData("9XX", "090", false)]
    [InlineData("029", "029", true)]
    [InlineData("029", "028", false)]
    [InlineData("59X", "590", true)]
    [InlineData("59X", "500", false)]
    [InlineData("XXX", "CAT", true)]
    [InlineData("9XX", "9", false)]
    public void Matches_tags(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagPattern.Parse(pattern).Matches(tag));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9X")]
    [InlineData("9XXX")]
    [InlineData("9*X")]
    [InlineData(null)]
    public void Rejects_malformed_patterns(string? text)
    {
        Assert.False(TagPattern.TryParse(text, out _));
    }

    [Fact]
    public void Parse_names_the_bad_pattern()
    {
        var error = Assert.Throws<FormatException>(() => TagPattern.Parse("9*X"));
        Assert.Contains("'9*X'", error.Message, StringComparison.Ordinal);
    }
}
