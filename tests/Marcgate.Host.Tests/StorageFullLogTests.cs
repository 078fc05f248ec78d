using System.Diagnostics;
using Marcgate.Gateway;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host.Tests;

/// <summary>A full disk is logged once when it fills and once when records are stored again, however many records it refuses.</summary>
public sealed class StorageFullLogTests
{
    private static readonly GatewayReply s_full = GatewayReply.Failure(GatewayReplyCodes.StorageFull, "Storage full--the host's disk is full.");
    private static readonly GatewayReply s_added = GatewayReply.Success(GatewayReplyCodes.Added, "NETWORK", "000001", "63111280");

    [Fact]
    public void Many_refusals_make_one_line_and_records_stored_in_a_row_after_them_make_one_more()
    {
        var logger = new ListLogger();
        var log = new StorageFullLog(logger);
        var before = Stopwatch.GetTimestamp();

        log.Replied(s_added, null, before);
        for (var i = 0; i < 50; i++)
        {
            log.Replied(s_full, "/srv/data/marcgate.db: the disk holding the catalog is full", Stopwatch.GetTimestamp());
        }

        // Begun before the disk filled, answered after: it shows nothing about the space now.
        log.Replied(s_added, null, before);
        log.Replied(GatewayReply.Failure(GatewayReplyCodes.InvalidRecord), null, Stopwatch.GetTimestamp());
        Assert.Single(logger.Entries);

        // A small commit that still fits on the nearly full disk is not the space coming back.
        for (var i = 1; i < StorageFullLog.StoredToRecover; i++)
        {
            log.Replied(s_added, null, Stopwatch.GetTimestamp());
        }

        log.Replied(s_full, "/srv/data/marcgate.db: the disk holding the catalog is full", Stopwatch.GetTimestamp());
        Assert.Single(logger.Entries);

        for (var i = 0; i < StorageFullLog.StoredToRecover + 5; i++)
        {
            log.Replied(s_added, null, Stopwatch.GetTimestamp());
        }

        Assert.Collection(
            logger.Entries,
            full =>
            {
                Assert.Equal((LogLevel.Warning, 13), (full.Level, full.EventId.Id));
                Assert.Equal(
                    "The catalog store is out of disk space: records are refused with code=storage-full and nothing is stored until space is freed; /srv/data/marcgate.db: the disk holding the catalog is full",
                    full.Text);
            },
            back =>
            {
                Assert.Equal((LogLevel.Warning, 14), (back.Level, back.EventId.Id));
                Assert.Equal("The catalog store has disk space again: records are stored; 51 were refused with code=storage-full meanwhile", back.Text);
            });
    }

    [Fact]
    public void A_disk_that_fills_again_is_logged_again()
    {
        var logger = new ListLogger();
        var log = new StorageFullLog(logger);

        log.Replied(s_full, "full", Stopwatch.GetTimestamp());
        for (var i = 0; i < StorageFullLog.StoredToRecover; i++)
        {
            log.Replied(s_added, null, Stopwatch.GetTimestamp());
        }

        log.Replied(s_full, "full again", Stopwatch.GetTimestamp());
        log.Replied(s_full, "full again", Stopwatch.GetTimestamp());

        Assert.Equal([13, 14, 13], logger.Entries.Select(e => e.EventId.Id));
        Assert.EndsWith("; full again", logger.Entries[2].Text, StringComparison.Ordinal);
    }
}
