using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Import;

// Every file of the test corpus gets an answer; nothing makes the pipeline fail as a program.
public sealed class CorpusImportTests(CorpusImportTests.SharedStore shared) : IClassFixture<CorpusImportTests.SharedStore>
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "valid", "invalid" })
        {
            foreach (var path in Directory.EnumerateFiles(TestFiles.Marc(folder)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!name.EndsWith(".xml", StringComparison.Ordinal) && !name.EndsWith(".json", StringComparison.Ordinal) && !name.Contains(".mrk", StringComparison.Ordinal))
                {
                    data.Add($"{folder}/{name}");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_record_gets_an_answer_and_the_stored_ones_are_unchanged_when_sent_again(string file)
    {
        var fixture = shared.Fixture;
        var before = await LastReceiptIdAsync(fixture);
        var records = ImportFixture.RecordsOf(TestFiles.Marc(file)).Take(5).ToList();

        var sends = 0;
        foreach (var bytes in records)
        {
            var first = await fixture.SendAsync(bytes);
            sends++;
            Assert.NotEqual(GatewayReplyCodes.ServerError, first.Code);

            // Valid bibliographic and authority records are stored.
            Assert.True(first.Ok || !file.StartsWith("valid/", StringComparison.Ordinal), $"{file}: {first.Code} {first.Message}");
            Assert.False(string.IsNullOrWhiteSpace(first.Message));
            // Idempotency rests on matching (gateway §7 steps 5 and 7): a record without an OCLC number matches nothing.
            if (first.Ok && first.OclcNumber is not null)
            {
                var again = await fixture.SendAsync(bytes);
                sends++;
                Assert.True(again.Ok, $"{file}: {again.Code} {again.Message}");
                Assert.Equal(first.RecordId, again.RecordId);

                // Records sharing an OCLC number in one file overlay each other; sending one again then overlays back.
                Assert.Contains(again.Action, new[] { GatewayReplyCodes.Unchanged, GatewayReplyCodes.Overlaid });
            }
        }

        // gateway §7 step 9: one receipt per answer, whatever the outcome.
        Assert.Equal(sends, await LastReceiptIdAsync(fixture) - before);
    }

    private static async Task<long> LastReceiptIdAsync(ImportFixture fixture) =>
        (await fixture.Store.GetLastReceiptsAsync(1, default)).SingleOrDefault()?.Id ?? 0;

    /// <summary>One store for the whole corpus: files that share OCLC numbers then also overlay each other.</summary>
    public sealed class SharedStore : IAsyncLifetime
    {
        internal ImportFixture Fixture { get; private set; } = null!;

        public async Task InitializeAsync() => Fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());

        public async Task DisposeAsync() => await Fixture.DisposeAsync();
    }
}
