using Marcgate.Export.Tests.Doubles;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Export.Sqlite.Tests;

public sealed class SqliteSaveFileStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("marcgate-savefile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Records_survive_reopening_with_flags_titles_and_bytes()
    {
        var path = Path.Combine(_directory, "savefile.db");
        var record = TestRecords.Bibliographic(7);
        var bytes = Iso2709Writer.Write(record);
        using (var store = SqliteSaveFileStore.Open(path))
        {
            Assert.Equal(1, store.Add(record, bytes, flagged: true));
            Assert.Equal(2, store.Add(TestRecords.Bibliographic(8), Iso2709Writer.Write(TestRecords.Bibliographic(8)), flagged: false));
        }

        using (var store = SqliteSaveFileStore.Open(path))
        {
            var saved = store.Get(1)!;
            Assert.Equal(("How to program a computer 7.", "ocm63111007", true), (saved.Title, saved.ControlNumber, saved.Flagged));
            Assert.Equal(bytes, saved.Iso2709);
            Assert.Equal([1L], store.List(flaggedOnly: true).Select(r => r.Number));
        }
    }

    [Fact]
    public void Flag_unflag_and_remove_report_numbers_that_do_not_exist()
    {
        using var store = SqliteSaveFileStore.Open(Path.Combine(_directory, "savefile.db"));
        store.Add(TestRecords.Bibliographic(1), Iso2709Writer.Write(TestRecords.Bibliographic(1)), flagged: false);
        Assert.Equal([9L], store.SetFlag([1, 9], flagged: true));
        Assert.True(store.Get(1)!.Flagged);
        Assert.Empty(store.SetFlag([1], flagged: false));
        Assert.False(store.Get(1)!.Flagged);
        Assert.Empty(store.Remove([1]));
        Assert.Null(store.Get(1));
        Assert.Equal([1L], store.Remove([1]));
    }

    [Fact]
    public void An_accepted_export_clears_the_flag_and_a_failed_one_keeps_it()
    {
        using var store = SqliteSaveFileStore.Open(Path.Combine(_directory, "savefile.db"));
        store.Add(TestRecords.Bibliographic(1), Iso2709Writer.Write(TestRecords.Bibliographic(1)), flagged: true);
        store.Add(TestRecords.Bibliographic(2), Iso2709Writer.Write(TestRecords.Bibliographic(2)), flagged: true);
        store.RecordExport(1, accepted: true, "accepted action=added");
        store.RecordExport(2, accepted: false, "rejected code=invalid-record");

        Assert.False(store.Get(1)!.Flagged);
        Assert.True(store.Get(2)!.Flagged);
        Assert.Equal("rejected code=invalid-record", store.Get(2)!.LastExport);
    }
}
