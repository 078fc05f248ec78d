using Marcgate.Catalog.Administration;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("0316769487", "9780316769488")]
    [InlineData("0-316-76948-7 (pbk.)", "9780316769488")]
    [InlineData("978-0-316-76948-8", "9780316769488")]
    [InlineData("9780316769488 :", "9780316769488")]
    [InlineData("080442957X", "9780804429573")]
    [InlineData("080442957x (alk. paper)", "9780804429573")]
    [InlineData("9791032305690", "9791032305690")]
    public void Isbn_10_and_13_read_as_the_same_13_digits(string text, string expected)
    {
        Assert.True(Isbn.TryNormalize(text, out var isbn));
        Assert.Equal(expected, isbn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("(pbk.)")]
    [InlineData("97803167694881")]
    public void Other_texts_are_not_isbns(string? text) => Assert.False(Isbn.TryNormalize(text, out _));
}
