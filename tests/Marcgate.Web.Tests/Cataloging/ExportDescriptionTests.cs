using Marcgate.Export.Options;
using Marcgate.Web.Cataloging;

namespace Marcgate.Web.Tests.Cataloging;

public sealed class ExportDescriptionTests
{
    [Fact]
    public void Options_without_a_host_say_so_rather_than_a_bare_port() =>
        Assert.Equal("no host set", CatalogerExports.Describe(ExportOptions.Default));

    [Fact]
    public void A_named_destination_shows_its_name_and_where_it_sends() =>
        Assert.Equal("Network Zone (alma.example.org:5500)", CatalogerExports.Describe(ExportOptions.Default with { Host = "alma.example.org", DestinationName = "Network Zone" }));
}
