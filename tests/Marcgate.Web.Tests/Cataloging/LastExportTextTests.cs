using Marcgate.Web.Cataloging;

namespace Marcgate.Web.Tests.Cataloging;

public sealed class LastExportTextTests
{
    private static readonly DateTimeOffset s_when = new(2026, 12, 7, 17, 27, 41, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(
        "#1 save file #1: accepted action=unchanged record=000001 — The record has been processed successfully. Record 000001 is unchanged in NETWORK (OCLC 63111001).",
        "2026-12-07 16:27 UTC: accepted — The record has been processed successfully. Record 000001 is unchanged in NETWORK (OCLC 63111001).")]
    [InlineData(
        "#2 save file #2: rejected action=error code=E12 warnings=2 attempts=3 — Logon refused: a=b is not allowed",
        "2026-12-07 16:27 UTC: rejected — Logon refused: a=b is not allowed")]
    [InlineData("#4 save file #4: not sent — the host could not be reached", "2026-12-07 16:27 UTC: not sent — the host could not be reached")]
    [InlineData("#4 save file #4: failed", "2026-12-07 16:27 UTC: failed")]
    [InlineData("#1 save file #1: written — written to /tmp/marcgate-export-x1/nz-batch.mrc", "2026-12-07 16:27 UTC: written — written to nz-batch.mrc")]
    public void The_exporters_line_becomes_the_time_the_outcome_and_the_hosts_words(string line, string expected) =>
        Assert.Equal(expected, LastExportText.From(line, s_when));

    [Fact]
    public void The_short_form_is_the_time_and_the_outcome()
    {
        Assert.Equal("2026-12-07 16:27 UTC: accepted", LastExportText.Short("2026-12-07 16:27 UTC: accepted — Record 000001 is unchanged."));
        Assert.Equal("2026-12-07 16:27 UTC: failed", LastExportText.Short("2026-12-07 16:27 UTC: failed"));
        Assert.Null(LastExportText.Short(null));
    }
}
