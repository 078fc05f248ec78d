using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Tests.Storage;

public sealed class RecordIdTests
{
    [Theory]
    [InlineData(123, "000123")]
    [InlineData(1, "000001")]
    [InlineData(1234567, "1234567")]
    public void Ids_show_at_least_six_digits(long value, string shown)
    {
        Assert.Equal(shown, new RecordId(value).ToString());
        Assert.True(RecordId.TryParse(shown, out var parsed));
        Assert.Equal(value, parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000000")]
    [InlineData("12x")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Other_text_is_not_a_record_id(string text) => Assert.False(RecordId.TryParse(text, out _));
}
