using Marcgate.Export.Options;

namespace Marcgate.Export.Tests.Options;

public sealed class TagPatternTests
{
    [Theory]
    [InlineData("9XX", "949", true)]
    [InlineData("9XX", "090", false)]
    [InlineData("9xx", "994", true)]
    [InlineData("029", "029", true)]
    [InlineData("029", "028", false)]
    [InlineData("X9X", "590", true)]
    [InlineData("XXX", "245", true)]
    [InlineData("9XX", "9", false)]
    public void Patterns_match_tags(string pattern, string tag, bool matches)
    {
        Assert.Equal(matches, TagPattern.TryParse(pattern, out _)!.Matches(tag));
    }

    [Fact]
    public void List_keeps_each_pattern_once()
    {
        var list = TagPattern.TryParseList("029, 938 9XX,029", out var error)!;
        Assert.Null(error);
        Assert.Equal(["029", "938", "9XX"], list.Select(p => p.Text));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("LDR")]
    [InlineData("9X")]
    [InlineData("9XXX")]
    public void Not_a_pattern(string text)
    {
        Assert.Null(TagPattern.TryParse(text, out var error));
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }
}
