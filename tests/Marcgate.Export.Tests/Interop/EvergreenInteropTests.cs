using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;
using Marcgate.Gateway.Client;

namespace Marcgate.Export.Tests.Interop;

public sealed class EvergreenInteropTests
{
    [Fact]
    public async Task Send_logon_id_off_sends_the_raw_record_alone()
    {
        // gateway §2 raw dialect: Evergreen reads the record to 0x1D, no logon block.
        await using var evergreen = new EvergreenStyleReceiver();
        var options = ExportHarness.Options(evergreen.Port) with { SendLogonId = false, NotifyHostBeforeDisconnect = false };
        var results = await ExportHarness.ExportAsync(options, count: 2);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.All(results, r => Assert.Equal(GatewayReplyEnd.Closed, r.Reply!.End));
        Assert.All(results, r => Assert.Equal("Imported 1 record", r.Message));
        Assert.All(evergreen.Requests, r => Assert.Equal(r.Record, r.Raw));
        Assert.All(evergreen.Requests, r => Assert.InRange(r.Raw[0], (byte)'0', (byte)'9'));
        Assert.All(evergreen.Requests, r => Assert.Equal(0x1D, r.Raw[^1]));
    }

    [Fact]
    public async Task With_the_logon_block_a_raw_host_reports_failure()
    {
        await using var evergreen = new EvergreenStyleReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(evergreen.Port) with { NotifyHostBeforeDisconnect = false }, count: 1);

        var result = Assert.Single(results);
        Assert.Equal(ExportStatus.Rejected, result.Status);
        Assert.Equal("Import failed: not a MARC record", result.Message);
    }
}
