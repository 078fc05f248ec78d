namespace Marcgate.Marc.Tests;

public sealed class TagPatternTests
{
    [Theory]
    [InlineData("9XX", "900", true)]
    [InlineData("9XX", "949", true)]
    [InlineData("9XX", "994", true)]
    [InlineData("9xx", "949", true)]
    [InlineData("9xx", "994", true)]
    [InlineData("9XX", "090", false)]
    [InlineData("029", "029", true)]
    [InlineData("029", "028", false)]
    [InlineData("59X", "590", true)]
    [InlineData("59X", "500", false)]
    [InlineData("X9X", "590", true)]
    [InlineData("XXX", "245", true)]
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
    [InlineData("000")]
    [InlineData("LDR")]
    [InlineData("0A9")]
    [InlineData(null)]
    public void Rejects_malformed_patterns(string? text)
    {
        Assert.False(TagPattern.TryParse(text, out _, out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Parse_names_the_bad_pattern()
    {
        var error = Assert.Throws<FormatException>(() => TagPattern.Parse("9*X"));
        Assert.Equal("'9*X' is not a tag pattern: use three characters, each a digit or X (e.g. 029, 938, 9XX)", error.Message);
    }

    [Fact]
    public void The_leader_is_not_a_field()
    {
        var error = Assert.Throws<FormatException>(() => TagPattern.Parse("000"));
        Assert.Contains("'000'", error.Message, StringComparison.Ordinal);
        Assert.Contains("leader", error.Message, StringComparison.Ordinal);
    }
}
