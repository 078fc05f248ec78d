using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private const string Secret = "Pa55-w0rd-never-printed";
    private readonly ExportCliRunner _cli = new();

    public ExportCommandTests()
    {
        _cli.Environment["EXPORT_TEST_PW"] = Secret;
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Exports_to_the_host_with_a_summary_and_a_masked_trace()
    {
        await using var host = new ExportTestHost();
        var file = WriteRecords("three.mrc", Record(1, "First"), Record(2, "Second"), Record(3, "Third"));
        var trace = Path.Combine(_cli.Directory, "trace.txt");

        var (exit, output, error) = _cli.Run([.. Connection(host), "--trace", trace, "--fields-to-delete", "029,9XX", file]);

        Assert.Equal(0, exit);
        Assert.Contains("#1 three.mrc record 1: accepted action=added record=", output, StringComparison.Ordinal);
        Assert.Contains($"Export summary (127.0.0.1:{host.Port}): 3 records", output, StringComparison.Ordinal);
        Assert.Contains("       3 added", output, StringComparison.Ordinal);
        Assert.Equal(3, host.Requests.Count);
        Assert.All(host.Requests, r => Assert.Contains("AO01CARLI_NETWORKP" + (char)(0x40 + Secret.Length) + Secret, Encoding.Latin1.GetString(r), StringComparison.Ordinal));

        // Fields to Delete on Export: 029 and 949 never reach the host.
        Assert.All(host.Requests, r => Assert.DoesNotContain("local note", Encoding.Latin1.GetString(r), StringComparison.Ordinal));
        Assert.All(host.Requests, r => Assert.DoesNotContain("AU@", Encoding.Latin1.GetString(r), StringComparison.Ordinal));

        var transcript = File.ReadAllText(trace);
        Assert.Contains("C> AO01CARLI_NETWORKP", transcript, StringComparison.Ordinal);
        Assert.Contains("S> The record has been processed successfully.", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, transcript + output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_record_exits_1_and_stays_flagged_while_accepted_ones_are_unflagged()
    {
        await using var host = new ExportTestHost();
        var file = WriteRecords("batch.mrc", Record(1, "Kept"), Record(2, "REJECT me"), Record(3, "Also kept"));
        Assert.Equal(0, _cli.Run("savefile", "add", "--flag", file).Exit);

        var (exit, output, _) = _cli.Run([.. Connection(host), "--flagged"]);

        Assert.Equal(1, exit);
        Assert.Contains("#2 save file #2: rejected code=invalid-record — Import Failed. The record is not valid: 245 REJECT.", output, StringComparison.Ordinal);
        Assert.Contains("       2 added", output, StringComparison.Ordinal);
        Assert.Contains("       1 rejected  invalid-record 1", output, StringComparison.Ordinal);
        Assert.Contains("  #2 \"REJECT me.\" (OCLC 63110002): rejected invalid-record — Import Failed. The record is not valid: 245 REJECT.", output, StringComparison.Ordinal);
        var stillFlagged = _cli.Run("savefile", "list", "--flagged").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#2", Assert.Single(stillFlagged).Split('\t')[0]);
        Assert.Contains("rejected", stillFlagged[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mark_for_export_flags_and_saves_instead_of_sending()
    {
        await using var host = new ExportTestHost();
        var file = WriteRecords("mark.mrc", Record(1, "Later"));

        var (exit, output, _) = _cli.Run([.. Connection(host), "--mark-for-export", file]);

        Assert.Equal(0, exit);
        Assert.Contains("flagged — saved as save file #1 and flagged for export", output, StringComparison.Ordinal);
        Assert.Empty(host.Requests);
        Assert.StartsWith("#1\tF", _cli.Run("savefile", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_fails_validation_is_not_sent_and_the_reason_is_given()
    {
        await using var host = new ExportTestHost();
        var noTitle = Record(1, "x");
        noTitle.Fields.RemoveAll(f => f.Tag == "245");
        var file = WriteRecords("invalid.mrc", noTitle, Record(2, "Fine"));

        var (exit, output, _) = _cli.Run([.. Connection(host, "structure"), file]);

        Assert.Equal(1, exit);
        Assert.Contains("#1 invalid.mrc record 1: failed — fails structure validation (bibliographic record):", output, StringComparison.Ordinal);
        Assert.Contains("245", output, StringComparison.Ordinal);
        Assert.Contains("#2 invalid.mrc record 2: accepted", output, StringComparison.Ordinal);
        Assert.Single(host.Requests);
    }

    [Fact]
    public void Bad_overrides_and_missing_password_exit_2_before_connecting()
    {
        var file = WriteRecords("one.mrc", Record(1, "One"));
        var (exit, _, error) = _cli.Run("export", "--host", "127.0.0.1", "--logon-id", "X", "--port", "70000", file);
        Assert.Equal(2, exit);
        Assert.Contains("port: 70000 is out of range (1-65535)", error, StringComparison.Ordinal);

        (exit, _, error) = _cli.Run("export", "--host", "127.0.0.1", "--logon-id", "X", "--password-env", "SURELY_NOT_SET_PW", file);
        Assert.Equal(2, exit);
        Assert.Contains("password: the environment variable SURELY_NOT_SET_PW is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_file_type_writes_one_file_holding_every_record()
    {
        var file = WriteRecords("two.mrc", Record(1, "One"), Record(2, "Two"));
        var target = Path.Combine(_cli.Directory, "out", "export.mrc");
        var (exit, output, _) = _cli.Run("export", "--to-file", target, "--file-type", "single", "--validate-bib", "none", "--charset", "marc8", file);

        Assert.Equal(0, exit);
        Assert.Contains("       2 written", output, StringComparison.Ordinal);
        var records = Iso2709Reader.ReadAll(File.ReadAllBytes(target)).Select(r => r.Record!).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(' ', r.Leader.CharacterCodingScheme));
    }

    private static string[] Connection(ExportTestHost host, string validateBib = "none") =>
        ["export", "--host", "127.0.0.1", "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--logon-id", "01CARLI_NETWORK", "--password-env", "EXPORT_TEST_PW", "--validate-bib", validateBib, "--timeout", "20"];

    private string WriteRecords(string name, params MarcRecord[] records)
    {
        var path = Path.Combine(_cli.Directory, name);
        File.WriteAllBytes(path, [.. records.SelectMany(Iso2709Writer.Write)]);
        return path;
    }

    private static MarcRecord Record(int number, string title) => new(new Leader("00000nam a2200000 a 4500"),
    [
        new ControlField("001", $"ocm6311{number:D4}"),
        new ControlField("003", "OCoLC"),
        new ControlField("005", "20240101120000.0"),
        new ControlField("008", "240101s2024    ilu           000 0 eng d"),
        new DataField("029", '1', ' ', [new Subfield('a', "AU@"), new Subfield('b', "000012345678")]),
        new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
        new DataField("245", '1', '0', [new Subfield('a', title + ".")]),
        new DataField("949", ' ', ' ', [new Subfield('a', "local note")]),
    ]);
}
