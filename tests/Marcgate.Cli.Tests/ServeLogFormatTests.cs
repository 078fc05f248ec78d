using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli.Tests;

/// <summary><c>marcgate serve --log-format json</c> as a process, fed by <c>marcgate export</c>: the log a shipper reads.</summary>
public sealed class ServeLogFormatTests : IDisposable
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "log-format-secret-5500";

    private readonly ExportCliRunner _cli = new();
    private readonly List<string> _hostOutput = [];
    private Process? _host;

    public ServeLogFormatTests()
    {
        _cli.Environment["EXPORT_TEST_PW"] = Password;
        _cli.Environment["EXPORT_TEST_WRONG_PW"] = "not the password";
    }

    private string Data => Path.Combine(_cli.Directory, "catalog");

    public void Dispose()
    {
        ServeProcess.Stop(_host);
        _cli.Dispose();
    }

    [Fact]
    public async Task Json_logs_are_one_object_a_line_with_one_line_per_import_whose_id_finds_its_receipt()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(Data))
        {
            await store.AddRepositoryAsync("NETWORK", DateTimeOffset.UtcNow, default);
            await store.SaveAccountAsync(new Account(LogonId, "NETWORK", ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        }

        var port = ServeProcess.FreePort();
        _host = await ServeProcess.StartAsync(["serve", "--data", Data, "--listen", $"127.0.0.1:{port}", "--log-format", "json"], _hostOutput);
        var file = Path.Combine(_cli.Directory, "one.mrc");
        File.WriteAllBytes(file, Record());
        var exported = Export(port, file, "EXPORT_TEST_PW");
        var refused = Export(port, file, "EXPORT_TEST_WRONG_PW");
        Assert.True(exported.Exit == 0, exported.Output + exported.Error);
        Assert.NotEqual(0, refused.Exit);

        var entries = await WaitForImportsAsync(2);
        ServeProcess.Stop(_host);
        _host = null;

        var (added, failed) = (entries[0], entries[1]);
        Assert.Equal(("Information", "Marcgate.Host.GatewayServer"), (added.GetProperty("LogLevel").GetString(), added.GetProperty("Category").GetString()));
        var state = added.GetProperty("State");
        Assert.Equal((LogonId, "NETWORK", "added", "000001", "63111280"), (Text(state, "LogonId"), Text(state, "Repository"), Text(state, "Outcome"), Text(state, "RecordId"), Text(state, "OclcNumber")));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("Code").ValueKind);
        Assert.Equal(JsonValueKind.Number, state.GetProperty("ElapsedMs").ValueKind);
        Assert.StartsWith("127.0.0.1:", Text(state, "Peer"), StringComparison.Ordinal);
        Assert.EndsWith("Z", added.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        var failedState = failed.GetProperty("State");
        Assert.Equal(("refused", "logon-failed"), (Text(failedState, "Outcome"), Text(failedState, "Code")));
        Assert.Equal(JsonValueKind.Null, failedState.GetProperty("Repository").ValueKind);
        lock (_hostOutput)
        {
            Assert.DoesNotContain(_hostOutput, l => l.Contains(Password, StringComparison.Ordinal) || l.Contains("not the password", StringComparison.Ordinal));
        }

        foreach (var (entry, outcome) in new[] { (state, "status=ok action=added"), (failedState, "status=error code=logon-failed") })
        {
            var id = Text(entry, "CorrelationId");
            var receipts = _cli.Run("receipts", "--data", Data, "--correlation", id);
            Assert.Equal(0, receipts.Exit);
            var receipt = Assert.Single(receipts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"\t{outcome}\t", receipt, StringComparison.Ordinal);
            Assert.Contains($"\tcorrelation={id}\t", receipt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_log_format_the_host_does_not_have_is_refused()
    {
        var (exit, output, error) = _cli.Run("serve", "--data", Data, "--log-format", "xml");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("xml", error, StringComparison.Ordinal);
        Assert.Contains("json", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(Data));
    }

    private (int Exit, string Output, string Error) Export(int port, string file, string passwordVariable) =>
        _cli.Run("export", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--logon-id", LogonId,
            "--password-env", passwordVariable, "--validate-bib", "none", "--retries", "0", "--timeout", "20", file);

    // Every line on standard error must be one JSON object; the import lines are those of event 2.
    private async Task<List<JsonElement>> WaitForImportsAsync(int count)
    {
        for (var waited = 0; ; waited += 50)
        {
            List<string> lines;
            lock (_hostOutput)
            {
                lines = [.. _hostOutput.Where(l => !l.StartsWith("Listening on ", StringComparison.Ordinal) && !l.StartsWith("Web console on ", StringComparison.Ordinal))];
            }

            var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var imports = entries.Where(e => e.GetProperty("EventId").GetInt32() == 2).ToList();
            if (imports.Count >= count || waited > 20_000)
            {
                Assert.Equal(count, imports.Count);
                return imports;
            }

            await Task.Delay(50);
        }
    }

    private static string Text(JsonElement state, string name) => state.GetProperty(name).GetString()!;

    private static byte[] Record()
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        record.Fields.Add(new ControlField("001", "ocm63111280"));
        record.Fields.Add(new ControlField("003", "OCoLC"));
        record.Fields.Add(new ControlField("005", "20240101120000.0"));
        record.Fields.Add(new ControlField("008", "240101s2024    ilu           000 0 eng d"));
        record.Fields.Add(new DataField("035", ' ', ' ', [new Subfield('a', "(OCoLC)63111280")]));
        record.Fields.Add(new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('b', "eng"), new Subfield('c', "DLC")]));
        record.Fields.Add(new DataField("245", '1', '0', [new Subfield('a', "A book")]));
        return Iso2709Writer.Write(record);
    }
}
