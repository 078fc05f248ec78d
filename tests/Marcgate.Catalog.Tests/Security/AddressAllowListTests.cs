using Marcgate.Catalog.Security;

namespace Marcgate.Catalog.Tests.Security;

// gateway §1: allow-lists are an option for hosts that browser exports reach from OCLC's servers.
public sealed class AddressAllowListTests
{
    [Theory]
    [InlineData("2001:db8::17", true)]
    [InlineData("[2001:db8::17]:5500", true)]
    [InlineData("2001:db9::1", false)]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.1.3.3", false)]
    [InlineData("", false)]
    public void Matches_addresses_and_ranges_of_both_families(string peer, bool allowed)
    {
        Assert.Equal(allowed, AddressAllowList.Allows(["2001:db8::/32", "10.1.2.0/24"], peer));
    }

    [Fact]
    public void An_empty_list_allows_everyone()
    {
        Assert.True(AddressAllowList.Allows([], "203.0.113.9"));
    }

    [Theory]
    [InlineData("192.0.2.7", true)]
    [InlineData("192.0.2.0/24", true)]
    [InlineData("::1", true)]
    [InlineData("300.1.1.1", false)]
    [InlineData("192.0.2.0/33", false)]
    [InlineData("example.org", false)]
    public void Entries_are_checked_when_an_account_is_saved(string entry, bool valid)
    {
        Assert.Equal(valid, AddressAllowList.TryParseEntry(entry, out _));
    }
}
