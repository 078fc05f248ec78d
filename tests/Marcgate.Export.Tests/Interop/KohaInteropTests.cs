using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;

namespace Marcgate.Export.Tests.Interop;

public sealed class KohaInteropTests
{
    [Fact]
    public async Task With_notify_host_every_record_is_answered_because_of_the_EOT_not_the_silence()
    {
        // gateway §5/§6: Koha waits for a NUL or 5 s idle; Notify Host before Disconnect sends the NUL.
        await using var koha = new KohaStyleReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(koha.Port), count: 5);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.Equal(5, koha.Requests.Count);
        Assert.All(koha.Requests, r => Assert.True(r.AnsweredBecauseOfNul));
        Assert.All(koha.Requests, r => Assert.True(r.EndedWithEot));
        Assert.Equal(5, koha.Connections);
    }

    [Fact]
    public async Task Logon_fields_reach_the_host()
    {
        await using var koha = new KohaStyleReceiver();
        var options = ExportHarness.Options(koha.Port) with { SendUserId = true, UserId = "100-123-456" };
        await ExportHarness.ExportAsync(options, count: 1);

        var request = Assert.Single(koha.Requests);
        Assert.Equal(("01CARLI_NETWORK", ExportHarness.Password, "100-123-456"), (request.LogonId, request.Password, request.UserId));
        Assert.Equal(0x1D, request.Record[^1]);
    }

    [Fact]
    public async Task Without_notify_host_Koha_answers_only_after_its_silence()
    {
        await using var koha = new KohaStyleReceiver(TimeSpan.FromMilliseconds(200));
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(koha.Port) with { NotifyHostBeforeDisconnect = false }, count: 2);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.All(koha.Requests, r => Assert.False(r.AnsweredBecauseOfNul));
        Assert.All(koha.Requests, r => Assert.False(r.EndedWithEot));
    }
}
