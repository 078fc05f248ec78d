using System.Text;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>Loopback requests through the real import pipeline (gateway §4, §7) into SQLite.</summary>
public sealed class CatalogHostTests
{
    [Fact]
    public async Task S7_step1_a_wrong_password_is_logon_failed_and_stores_nothing()
    {
        await using var host = await CatalogHost.StartAsync();
        var reply = await host.SendAsync(Records.Sample, password: "wrong horse");
        Assert.Equal(("error", "logon-failed"), (reply.Status, reply.Code));
        Assert.Equal(0, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
    }

    [Fact]
    public async Task S7_step1_repeated_failures_lock_the_logon_out_even_with_the_right_password()
    {
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 3, MaxFailuresPerPeerAddress = 100 } };
        await using var host = await CatalogHost.StartAsync(options);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("logon-failed", (await host.SendAsync(Records.Sample, password: "wrong horse")).Code);
        }

        var locked = await host.SendAsync(Records.Sample);
        Assert.Equal("locked-out", locked.Code);
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains(CatalogHost.Password, StringComparison.Ordinal) || l.Contains("wrong horse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S7_the_same_record_again_is_unchanged_and_a_changed_245_overlays_keeping_9XX_and_history()
    {
        await using var host = await CatalogHost.StartAsync();
        var original = Record("How to program a computer", local: "Shelved in the annex");
        var added = await host.SendAsync(original);
        Assert.True(added.Status == "ok" && added.Action == "added", added.HumanLine);
        Assert.Equal("63111280", added.Tokens["oclc"]);

        var again = await host.SendAsync(original);
        Assert.Equal(("unchanged", added.Tokens["record"]), (again.Action, again.Tokens["record"]));

        // Connexion's copy has a new title and no local field: the 949 stays (§7 step 5, overlay all fields but local).
        var overlaid = await host.SendAsync(Record("How to program a computer, second edition", local: null));
        Assert.Equal(("overlaid", added.Tokens["record"]), (overlaid.Action, overlaid.Tokens["record"]));

        Assert.True(RecordId.TryParse(added.Tokens["record"], out var id));
        var stored = await host.Store.GetRecordAsync(CatalogHost.Repository, id, default);
        var text = Encoding.UTF8.GetString(stored!.Content.Span);
        Assert.Contains("second edition", text, StringComparison.Ordinal);
        Assert.Contains("Shelved in the annex", text, StringComparison.Ordinal);
        var history = await host.Store.GetHistoryAsync(CatalogHost.Repository, id, default);
        Assert.Equal(2, history.Count);
        Assert.Contains(history, v => !Encoding.UTF8.GetString(v.Content.Span).Contains("second edition", StringComparison.Ordinal));
        Assert.Equal(1, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
    }

    private static byte[] Record(string title, string? local)
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        record.Fields.Add(new ControlField("001", "ocm63111280"));
        record.Fields.Add(new ControlField("003", "OCoLC"));
        record.Fields.Add(new ControlField("005", "20240101120000.0"));
        record.Fields.Add(new ControlField("008", "240101s2024    ilu           000 0 eng d"));
        record.Fields.Add(new DataField("035", ' ', ' ', [new Subfield('a', "(OCoLC)63111280")]));
        record.Fields.Add(new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('b', "eng"), new Subfield('c', "DLC")]));
        record.Fields.Add(new DataField("245", '1', '0', [new Subfield('a', title)]));
        if (local is not null)
        {
            record.Fields.Add(new DataField("949", ' ', ' ', [new Subfield('a', local)]));
        }

        return Iso2709Writer.Write(record);
    }
}
