using Marcgate.Catalog.Merging;

namespace Marcgate.Catalog.Tests.Merging;

public sealed class EncodingLevelTests
{
    [Theory]
    [InlineData('7', ' ', true)]
    [InlineData('8', '5', true)]
    [InlineData('K', 'I', true)]
    [InlineData('M', '4', true)]
    [InlineData('3', '7', true)]
    [InlineData('J', '8', true)]
    [InlineData('o', 'n', true)]
    [InlineData(' ', '7', false)]
    [InlineData('I', ' ', false)]
    [InlineData('L', 'I', false)]
    [InlineData('4', 'K', false)]
    [InlineData('8', 'J', false)]
    [InlineData('u', ' ', false)]
    [InlineData('7', 'z', false)]
    [InlineData('7', '7', false)]
    public void Briefer_is_decided_by_rank(char incoming, char existing, bool briefer)
    {
        Assert.Equal(briefer, EncodingLevel.IsBriefer(incoming, existing));
    }

    [Fact]
    public void Ranking_goes_from_full_to_prepublication()
    {
        var order = new[] { ' ', '4', '2', '7', '3', '5', '8', 'J' };
        for (var i = 1; i < order.Length; i++)
        {
            Assert.True(EncodingLevel.Rank(order[i]) < EncodingLevel.Rank(order[i - 1]), $"{order[i]} should rank below {order[i - 1]}");
        }

        Assert.Null(EncodingLevel.Rank('u'));
        Assert.Null(EncodingLevel.Rank('z'));
    }
}
