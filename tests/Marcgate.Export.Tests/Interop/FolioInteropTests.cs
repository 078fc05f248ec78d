using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;

namespace Marcgate.Export.Tests.Interop;

public sealed class FolioInteropTests
{
    [Fact]
    public async Task Individual_opens_a_connection_per_record()
    {
        await using var folio = new FolioStyleReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(folio.Port), count: 4);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.All(results, r => Assert.Equal("Import ok", r.Message));
        Assert.Equal(4, folio.Connections);
    }

    [Fact]
    public async Task Permanent_connection_sends_every_record_on_one_connection()
    {
        await using var folio = new FolioStyleReceiver();
        var options = ExportHarness.Options(folio.Port) with { PermanentConnection = true };
        var results = await ExportHarness.ExportAsync(options, count: 6);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.Equal(6, folio.Requests.Count);
        Assert.Equal(1, folio.Connections);
        Assert.All(folio.Requests, r => Assert.Equal(1, r.Connection));
    }

    [Fact]
    public async Task Single_file_type_also_keeps_one_connection()
    {
        await using var folio = new FolioStyleReceiver();
        var options = ExportHarness.Options(folio.Port) with { FileType = ExportFileType.Single, NotifyHostBeforeDisconnect = false };
        await ExportHarness.ExportAsync(options, count: 3);

        Assert.Equal(1, folio.Connections);
        Assert.Equal(3, folio.Requests.Count);
    }

    [Fact]
    public async Task A_kept_connection_the_host_closed_is_reopened_without_spending_a_retry()
    {
        // gateway §5: the host may close between requests; §6 Permanent Connection reconnects.
        await using var folio = new FolioStyleReceiver(closeAfterReply: true);
        var options = ExportHarness.Options(folio.Port) with { PermanentConnection = true, Retries = 0 };
        var results = await ExportHarness.ExportAsync(options, count: 3);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.Equal(3, folio.Requests.Count);
        Assert.Equal(3, folio.Connections);
    }
}
