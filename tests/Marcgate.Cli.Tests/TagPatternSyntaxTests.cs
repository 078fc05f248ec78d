using System.Text;
using Marcgate.Cli.Admin;
using Marcgate.Marc;

namespace Marcgate.Cli.Tests;

/// <summary>Profiles and the exporter read tag lists with one syntax: commas and/or spaces, X for any digit.</summary>
public sealed class TagPatternSyntaxTests : IDisposable
{
    private const string Secret = "tag-pattern-pw-5521";
    private readonly ExportCliRunner _export = new();

    public TagPatternSyntaxTests()
    {
        _export.Environment["EXPORT_TEST_PW"] = Secret;
    }

    public void Dispose() => _export.Dispose();

    // Arguments are separated by '|' so that one argument may hold spaces.
    [Theory]
    [InlineData("--delete|029,938,9XX|--protect|59X,856")]
    [InlineData("--delete|029|938|9XX|--protect|59X|856")]
    [InlineData("--delete|029, 938|9xx|--protect|59x 856")]
    [InlineData("--delete|029 938 9XX|--protect|59X|856,59X")]
    public async Task Profiles_read_commas_and_spaces_alike(string lists)
    {
        using var cli = new AdminCli();

        var saved = await cli.RunAsync(["profiles", "set", "iz", .. lists.Split('|')]);
        var list = await cli.RunAsync("profiles list");

        Assert.Equal(ExitCodes.Ok, saved.ExitCode);
        Assert.Contains("delete=029,938,9XX ", list.Out, StringComparison.Ordinal);
        Assert.Contains("protect=9XX,59X,856 ", list.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("029,9*9")]
    [InlineData("029 9*9")]
    public async Task Profiles_name_the_bad_token_in_either_syntax(string delete)
    {
        using var cli = new AdminCli();

        var bad = await cli.RunAsync(["profiles", "set", "broken", "--delete", delete]);

        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("'9*9' in fields to delete is not a tag or tag pattern", bad.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("029,9XX")]
    [InlineData("029 9XX")]
    [InlineData("029, 9xx")]
    public async Task Export_reads_commas_and_spaces_alike(string fieldsToDelete)
    {
        await using var host = new ExportTestHost();
        var file = Path.Combine(_export.Directory, "one.mrc");
        File.WriteAllBytes(file, Marcgate.Marc.Iso2709.Iso2709Writer.Write(Record()));

        var (exit, _, _) = _export.Run(
            "export", "--host", "127.0.0.1", "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--logon-id", "01CARLI_NETWORK", "--password-env", "EXPORT_TEST_PW", "--validate-bib", "none", "--timeout", "20",
            "--fields-to-delete", fieldsToDelete, file);

        Assert.Equal(0, exit);
        var request = Encoding.Latin1.GetString(Assert.Single(host.Requests));
        Assert.DoesNotContain("AU@", request, StringComparison.Ordinal);
        Assert.DoesNotContain("local note", request, StringComparison.Ordinal);
        Assert.Contains("Kept title.", request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("029,938 9XX")]
    [InlineData("029 938,9XX")]
    public void Export_options_read_commas_and_spaces_alike(string fieldsToDelete)
    {
        Assert.Equal(0, _export.Run("export-options", "set", "fields-to-delete", fieldsToDelete).Exit);
        var (exit, output, _) = _export.Run("export-options", "show");

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^fields-to-delete\s+029,938,9XX$", output);
    }

    [Theory]
    [InlineData("029,9Z9")]
    [InlineData("029 9Z9")]
    public void Export_names_the_bad_token_in_either_syntax(string fieldsToDelete)
    {
        var (exit, _, error) = _export.Run("export-options", "set", "fields-to-delete", fieldsToDelete);

        Assert.Equal(2, exit);
        Assert.Contains("fields-to-delete: '9Z9' is not a tag pattern", error, StringComparison.Ordinal);
    }

    private static MarcRecord Record() => new(new Leader("00000nam a2200000 a 4500"),
    [
        new ControlField("001", "ocm63110001"),
        new ControlField("003", "OCoLC"),
        new ControlField("008", "240101s2024    ilu           000 0 eng d"),
        new DataField("029", '1', ' ', [new Subfield('a', "AU@"), new Subfield('b', "000012345678")]),
        new DataField("245", '1', '0', [new Subfield('a', "Kept title.")]),
        new DataField("949", ' ', ' ', [new Subfield('a', "local note")]),
    ]);
}
