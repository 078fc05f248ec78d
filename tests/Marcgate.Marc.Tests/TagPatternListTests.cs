namespace Marcgate.Marc.Tests;

public sealed class TagPatternListTests
{
    [Theory]
    [InlineData("029,938,9XX")]
    [InlineData("029 938 9XX")]
    [InlineData("029, 938, 9XX")]
    [InlineData("029,938 9xx")]
    [InlineData("  029 ,938 ,, 9XX  ")]
    [InlineData("029;938;9XX")]
    public void Commas_and_spaces_separate_patterns(string text)
    {
        Assert.True(TagPatternList.TryParse(text, out var patterns, out var error));
        Assert.Null(error);
        Assert.Equal(["029", "938", "9XX"], patterns.Select(p => p.Text));
        Assert.Equal("029,938,9XX", patterns.ToString());
    }

    [Fact]
    public void Each_pattern_is_kept_once_in_the_order_written()
    {
        var patterns = TagPatternList.Parse("029, 938 9XX,029,9xx");
        Assert.Equal(["029", "938", "9XX"], patterns.Select(p => p.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Blank_text_is_the_empty_list(string? text)
    {
        Assert.True(TagPatternList.TryParse(text, out var patterns, out _));
        Assert.Empty(patterns);
        Assert.Same(TagPatternList.Empty, patterns);
        Assert.Equal(string.Empty, patterns.ToString());
    }

    [Fact]
    public void Several_texts_read_as_one_list()
    {
        Assert.True(TagPatternList.TryParse(["029,938", "9XX", "59X 029"], out var patterns, out _));
        Assert.Equal(["029", "938", "9XX", "59X"], patterns.Select(p => p.Text));
    }

    [Theory]
    [InlineData("029,9X,938", "9X")]
    [InlineData("029 9*9 938", "9*9")]
    [InlineData("029, 0A9", "0A9")]
    [InlineData("9XXX", "9XXX")]
    [InlineData("029,000", "000")]
    [InlineData("LDR 029", "LDR")]
    public void The_error_names_the_first_bad_token(string text, string token)
    {
        Assert.False(TagPatternList.TryParse(text, out var patterns, out var error));
        Assert.Null(patterns);
        Assert.Equal(token, error.Token);
        Assert.StartsWith($"'{token}' is not a tag pattern: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_token_says_what_a_pattern_looks_like()
    {
        var error = Assert.Throws<FormatException>(() => TagPatternList.Parse("029,9X,938"));
        Assert.Equal("'9X' is not a tag pattern: use three characters, each a digit or X (e.g. 029, 938, 9XX)", error.Message);
    }

    [Theory]
    [InlineData("949", true)]
    [InlineData("029", true)]
    [InlineData("245", false)]
    public void A_list_matches_a_tag_any_pattern_fits(string tag, bool expected)
    {
        Assert.Equal(expected, TagPatternList.Parse("029 9XX").Matches(tag));
    }
}
