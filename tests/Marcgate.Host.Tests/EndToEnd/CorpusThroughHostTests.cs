using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>Every file of the test corpus sent through the host, one record per connection as Connexion sends (gateway §4, §7).</summary>
public sealed class CorpusThroughHostTests
{
    [Fact]
    public async Task Every_file_gets_a_reply_per_record_valid_records_are_stored_and_sending_again_stores_nothing_new()
    {
        // Validation levels are the validator's concern, tested there; here every record the codec reads should be stored.
        await using var host = await CatalogHost.StartAsync(profile: new ImportProfile("corpus") { ValidationLevel = ValidationLevel.None });
        var failures = new List<string>();

        foreach (var file in Files("invalid"))
        {
            foreach (var chunk in Chunks(file))
            {
                var reply = await SendAsync(host, chunk);
                Check(reply, file, failures);
            }
        }

        var firstPass = new List<(string File, byte[] Record, Reply Reply)>();
        foreach (var file in Files("valid"))
        {
            foreach (var chunk in Chunks(file))
            {
                var reply = await SendAsync(host, chunk);
                Check(reply, file, failures);
                firstPass.Add((file, chunk, reply));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Valid bibliographic and authority records in ISO 2709 are stored.
        var isoRecords = firstPass.Where(r => TestFiles.IsIso2709(r.File) && IsBibliographicOrAuthority(r.Record)).ToList();
        var notStored = isoRecords.Where(r => r.Reply.Status != "ok").Select(r => $"{Path.GetFileName(r.File)}: {r.Reply.HumanLine}").ToList();
        Assert.True(notStored.Count <= isoRecords.Count / 20, $"{notStored.Count} of {isoRecords.Count} valid records not stored:\n{string.Join("\n", notStored.Take(20))}");
        var stored = await host.Store.CountRecordsAsync(CatalogHost.Repository, default);
        Assert.True(stored > 0);

        // §7 step 7: the same records again change nothing and create nothing, those with an OCLC number (matched on it,
        // §7 step 5) and those without (recognised by their content) alike.
        var secondPass = new List<(string File, Reply First, Reply Again)>();
        foreach (var (file, record, first) in isoRecords.Where(r => r.Reply.Status == "ok"))
        {
            secondPass.Add((file, first, await SendAsync(host, record)));
        }

        var withoutNumber = secondPass.Count(r => !r.First.Tokens.ContainsKey("oclc"));
        Assert.True(secondPass.Count - withoutNumber >= 100, $"only {secondPass.Count - withoutNumber} records with OCLC numbers");
        Assert.True(withoutNumber >= 10, $"only {withoutNumber} records without an OCLC number");
        var changed = secondPass
            .Where(r => r.Again.Status != "ok" || r.Again.Action != GatewayReplyCodes.Unchanged)
            .Select(r => $"{Path.GetFileName(r.File)}: {r.Again.HumanLine}")
            .ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} of {secondPass.Count} records not unchanged when sent again:\n{string.Join("\n", changed.Take(20))}");
        Assert.All(secondPass, r => Assert.Equal(r.First.Tokens["record"], r.Again.Tokens["record"]));
        Assert.Equal(stored, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(TestFiles.Marc(folder)).Order(StringComparer.Ordinal);

    // ISO 2709 files are cut after each record terminator; any other file (MARCXML, JSON, mnemonic) goes whole.
    private static IEnumerable<byte[]> Chunks(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (!TestFiles.IsIso2709(file))
        {
            yield return bytes;
            yield break;
        }

        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x1D)
            {
                yield return bytes[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < bytes.Length && bytes[start..].Any(b => b is not (0x0A or 0x0D or 0x20 or 0x1A)))
        {
            yield return bytes[start..];
        }
    }

    private static async Task<Reply> SendAsync(CatalogHost host, byte[] chunk)
    {
        await using var client = await GatewayTestClient.ConnectAsync(host.EndPoint);
        await client.SendAsync(Records.Concat(CatalogHost.Logon(), chunk, [0]));
        return Reply.Parse(await client.ReadReplyAsync());
    }

    private static void Check(Reply reply, string file, List<string> failures)
    {
        var known = reply.Status == GatewayReplyCodes.Ok ? GatewayReplyCodes.IsAction(reply.Action) : reply.Status == GatewayReplyCodes.Error && GatewayReplyCodes.IsErrorCode(reply.Code);
        if (!known || reply.Code == GatewayReplyCodes.ServerError)
        {
            failures.Add($"{Path.GetFileName(file)}: {reply.HumanLine} [{string.Join(' ', reply.Tokens.Select(t => $"{t.Key}={t.Value}"))}]");
        }
    }

    // Leader/06: z is authority; holdings (u, v, x, y) and classification/community (w, q) are not imported as bibliographic.
    private static bool IsBibliographicOrAuthority(byte[] record) =>
        record.Length > 24 && record[6] is (byte)'a' or (byte)'c' or (byte)'d' or (byte)'e' or (byte)'f' or (byte)'g' or (byte)'i'
            or (byte)'j' or (byte)'k' or (byte)'m' or (byte)'o' or (byte)'p' or (byte)'r' or (byte)'t' or (byte)'z';
}
