using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Web.Tests;

/// <summary>A small catalog for page tests: a repository, a record with two versions, an account, a profile and an open review item.</summary>
public static class CatalogSeed
{
    public const string Repository = "NETWORK";
    public const string LogonId = "01TEST_NETWORK";
    public const string Profile = "strict";
    public const long Oclc = 63111280;

    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Record(long oclc, string title, string? note = null, long? alsoMatches = null)
    {
        var fields = new List<MarcField>
        {
            new ControlField("001", $"ocm{oclc}"),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20261128120000.0"),
            new ControlField("008", "020805s2002    nyu           000 1 eng d"),
            new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){oclc}")]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
            new DataField("245", '1', '0', [new Subfield('a', title + " /"), new Subfield('c', "Zoë Brontë.")]),
        };
        if (alsoMatches is { } other)
        {
            // 019: an OCLC number merged into this one, which the import matches too (gateway §7 step 5).
            fields.Insert(4, new DataField("019", ' ', ' ', [new Subfield('a', other.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }

        if (note is not null)
        {
            fields.Add(new DataField("500", ' ', ' ', [new Subfield('a', note)]));
        }

        return Iso2709Writer.Write(new MarcRecord(new Leader("00000nam a2200000 a 4500"), fields));
    }

    /// <summary>Seeds the catalog; the value is the record's id.</summary>
    public static async Task<RecordId> SeedAsync(ICatalogStore store)
    {
        Assert.True((await new CatalogAdministration(store, LocalActor.Current).AddRepositoryAsync(Repository, T0, default)).Succeeded);
        Assert.True((await new CatalogAdministration(store, LocalActor.Current).SaveProfileAsync(new ImportProfile(Profile) { FieldsToDelete = ["938"] }, default)).Succeeded);
        Assert.True((await new AccountAdministration(store, LocalActor.Current).AddAsync(LogonId, Repository, Profile, "gateway secret", [], default)).Succeeded);
        var first = await store.CommitAsync(new RecordCommit(Repository, Record(Oclc, "Café society"), [new OclcNumber(Oclc)], T0, "192.0.2.1") { LogonId = LogonId, UserId = "jdoe", PrimaryOclcNumber = new OclcNumber(Oclc) }, default);
        var id = first.RecordId!.Value;
        await store.CommitAsync(new RecordCommit(Repository, Record(Oclc, "Café society", "Second printing."), [new OclcNumber(Oclc)], T0.AddMinutes(5), "192.0.2.1")
        {
            ExistingId = id,
            ExpectedVersion = 1,
            LogonId = LogonId,
            PrimaryOclcNumber = new OclcNumber(Oclc),
        }, default);
        await store.AddReviewItemAsync(new ReviewItem(Repository, Record(Oclc, "Café society", "Sent again."), [id], "It matched several records.", T0.AddMinutes(6)) { LogonId = LogonId, PeerAddress = "192.0.2.1" }, default);
        return id;
    }
}
