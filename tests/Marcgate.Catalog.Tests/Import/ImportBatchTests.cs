using System.Text;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Tests.Import;

/// <summary>Records imported in batches give the outcomes, records, versions, review items and receipts that importing them one by one gives.</summary>
public sealed class ImportBatchTests
{
    [Theory]
    [InlineData("matching")]
    [InlineData("not matching")]
    [InlineData("overlay only")]
    public async Task Batches_store_what_one_by_one_import_stores(string variant)
    {
        var profile = variant switch
        {
            "not matching" => new ImportProfile("network") { MatchOnOclcNumbers = false },
            "overlay only" => new ImportProfile("network") { NoMatchAction = NoMatchAction.Reject },
            _ => new ImportProfile("network"),
        };
        await using var alone = await ImportFixture.CreateAsync(profile);
        await using var together = await ImportFixture.CreateAsync(profile);
        foreach (var fixture in new[] { alone, together })
        {
            // What the catalog held before the load: two numbered records and one without a number.
            await fixture.SendAsync(Record(1, "one"));
            await fixture.SendAsync(Record(2, "two"));
            await fixture.SendAsync(Record(null, "unnumbered"));
        }

        var load = Load();
        var oneByOne = new List<ImportOutcome>();
        foreach (var bytes in load)
        {
            oneByOne.Add(await alone.Service.ImportAsync(ImportFixture.Repository, profile.Name, Request(alone.Service, bytes), default));
        }

        // Three batches, so that records sharing a number meet within a batch and across batches.
        var batched = new List<ImportOutcome>();
        foreach (var part in load.Chunk(9))
        {
            var batch = await together.Service.PrepareBatchAsync(ImportFixture.Repository, profile.Name, [.. part.Select(b => Request(together.Service, b))], default);
            batched.AddRange(await together.Service.ImportBatchAsync(batch, default));
        }

        Assert.Equal(Summary(oneByOne), Summary(batched));
        Assert.Equal(await ContentsAsync(alone.Store), await ContentsAsync(together.Store));
        Assert.Equal((await alone.Store.ListAllReviewItemsAsync(0, 100, default)).Count, (await together.Store.ListAllReviewItemsAsync(0, 100, default)).Count);
        Assert.Equal(
            (await alone.Store.ListReceiptsAsync(0, 1000, default)).Select(r => $"{r.Ok} {r.Action} {r.Code} {r.OclcNumber}").Order(StringComparer.Ordinal),
            (await together.Store.ListReceiptsAsync(0, 1000, default)).Select(r => $"{r.Ok} {r.Action} {r.Code} {r.OclcNumber}").Order(StringComparer.Ordinal));
        if (variant == "matching")
        {
            Assert.Contains(batched, o => o.Action == "added");
            Assert.Contains(batched, o => o.Action == "overlaid");
            Assert.Contains(batched, o => o.Action == "unchanged");
            Assert.Contains(batched, o => o.Code == "multiple-matches");
        }
    }

    [Fact]
    public async Task A_batch_for_a_repository_that_does_not_exist_refuses_each_record_with_its_receipt()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var batch = await fixture.Service.PrepareBatchAsync("NOWHERE", "network", [Request(fixture.Service, Record(5, "a")), Request(fixture.Service, Record(6, "b"))], default);
        var outcomes = await fixture.Service.ImportBatchAsync(batch, default);

        Assert.All(outcomes, o => Assert.Equal("not-authorized", o.Code));
        Assert.Equal(2, (await fixture.Store.ListReceiptsAsync(0, 100, default)).Count(r => r.Code == "not-authorized"));
    }

    /// <summary>New records, revisions of stored ones and of ones earlier in the load, repeats, unnumbered records, and refusals.</summary>
    private static List<byte[]> Load()
    {
        var load = new List<byte[]>();
        for (var i = 0; i < 25; i++)
        {
            load.Add(i switch
            {
                3 => Record(1, "one, revised"),
                4 => Record(2, "two"),
                5 => Record(null, "unnumbered"),
                6 => Record(null, "another unnumbered"),
                8 => Record(10, "ten, revised in the same batch"),
                10 => Record(null, "another unnumbered"),
                11 => Invalid(40),
                12 => [.. "not a record"u8],
                13 => Both(1, 2),
                15 or 16 or 20 => Record(11, $"eleven, revision {i}"),
                22 => Record(10, "ten, revised in a later batch"),
                _ => Record(10 + i, $"title {i}"),
            });
        }

        load.Insert(0, Record(10, "ten"));
        return load;
    }

    private static ImportRequest Request(GatewayImportService service, byte[] bytes) => new(null, null, "jdoe", "local", service.Read(bytes));

    private static byte[] Record(long? number, string title)
    {
        var fields = new List<MarcField>();
        if (number is { } n)
        {
            fields.Add(new ControlField("001", $"ocm{n}"));
            fields.Add(new ControlField("003", "OCoLC"));
        }

        fields.Add(new ControlField("005", "20240101120000.0"));
        fields.Add(new ControlField("008", "240101s2024    ilu           000 0 eng d"));
        if (number is { } m)
        {
            fields.Add(new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){m}")]));
        }

        fields.Add(new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]));
        fields.Add(new DataField("245", '1', '0', [new Subfield('a', title + ".")]));
        return Iso2709Writer.Write(new MarcRecord(new Leader("00000nam a2200000 a 4500"), fields));
    }

    // Two current numbers, each held by another stored record: a multiple match, kept for review (gateway §7 step 5).
    private static byte[] Both(long first, long second)
    {
        var record = ImportFixture.Parse(Record(first, "both"));
        record.Fields.Insert(4, new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){second}")]));
        return Iso2709Writer.Write(record);
    }

    // Without 005 and 040 the record is not valid at the profile's level.
    private static byte[] Invalid(long number)
    {
        var record = ImportFixture.Parse(Record(number, "invalid"));
        record.Fields.RemoveAll(f => f.Tag is "005" or "040");
        return Iso2709Writer.Write(record);
    }

    private static List<string> Summary(IEnumerable<ImportOutcome> outcomes) => [.. outcomes.Select(o => $"{o.Ok} {o.Action} {o.Code} {o.OclcNumber}")];

    // Record ids follow commit order, which differs between the two ways: compared by what the records hold.
    private static async Task<List<string>> ContentsAsync(ICatalogStore store)
    {
        var contents = new List<string>();
        foreach (var record in await store.ListRecordsAsync(ImportFixture.Repository, null, 1000, default))
        {
            var history = await store.GetHistoryAsync(ImportFixture.Repository, record.Id, default);
            contents.Add($"{string.Join(",", record.OclcNumbers)} v{record.Version}: {string.Join(" | ", history.Select(v => Encoding.UTF8.GetString(v.Content.Span)))}");
        }

        contents.Sort(StringComparer.Ordinal);
        return contents;
    }
}
