using System.CommandLine;
using System.Text.Json;
using Marcgate.Cli;
using Marcgate.Cli.Validate;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests.Validate;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("valid/summerland.mrc")]
    [InlineData("valid/chabon.mrc")]
    [InlineData("valid/authority-record.mrc")]
    [InlineData("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")]
    public void Clean_records_exit_zero_at_full(string file)
    {
        var (code, output, errors) = Run(TestFiles.Marc(file));
        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Contains(", 0 with errors; 0 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_exit_one_with_a_report_per_record()
    {
        var (code, output, _) = Run("--level", "basic", TestFiles.Marc("valid/sample1.mrc"));
        Assert.Equal(1, code);
        Assert.Contains("record 2 (001 ", output, StringComparison.Ordinal);
        Assert.Contains("error VAL207 LDR/18: leader/18 (item information in record)", output, StringComparison.Ordinal);
        Assert.Contains("warning MARC010", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Structure_level_ignores_basic_findings()
    {
        var (code, output, _) = Run("--level", "structure", TestFiles.Marc("valid/sample1.mrc"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("VAL2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void None_checks_only_that_records_read() =>
        Assert.Equal(0, Run("--level", "none", TestFiles.Marc("valid/jazz_1k.mrc")).Code);

    [Fact]
    public void Type_forces_the_format()
    {
        var (code, output, _) = Run("--type", "auth", "--level", "basic", TestFiles.Marc("valid/summerland.mrc"));
        Assert.Equal(1, code);
        Assert.Contains("245 is not a MARC 21 authority field", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_has_findings_with_where_they_are()
    {
        var (code, output, _) = Run("--format", "json", TestFiles.Marc("valid/summerland.mrc"), TestFiles.Marc("invalid/badind.usmarc"));
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal(0, files[0].GetProperty("summary").GetProperty("errors").GetInt32());
        var finding = files[1].GetProperty("records")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "VAL106");
        Assert.Equal(("245", 1), (finding.GetProperty("tag").GetString(), finding.GetProperty("indicator").GetInt32()));
    }

    [Fact]
    public void Json_report_stays_json_when_a_reader_reports_a_problem_under_a_number_already_used()
    {
        // A MARCXML file broken after its first record: the reader's problem comes back numbered 1 too.
        var path = Path.Combine(Path.GetTempPath(), $"marcgate-validate-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, """
            <collection xmlns="http://www.loc.gov/MARC21/slim">
              <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">1</controlfield>
                <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Title</subfield></datafield></record>
              <record><leader>00000nam a2200000
            """);
        try
        {
            var (_, output, _) = Run("--format", "json", "--level", "none", path);
            using var json = JsonDocument.Parse(output);
            var file = json.RootElement.GetProperty("files")[0];
            Assert.Equal(file.GetProperty("summary").GetProperty("records").GetInt32(), file.GetProperty("records").GetArrayLength());
            Assert.True(file.GetProperty("records").GetArrayLength() >= 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--level", "fullest")]
    [InlineData("--type", "serial")]
    [InlineData("--format", "xml")]
    [InlineData("--bogus")]
    public void Usage_errors_exit_two(params string[] args)
    {
        var (code, _, errors) = Run([.. args, TestFiles.Marc("valid/summerland.mrc")]);
        Assert.Equal(2, code);
        Assert.StartsWith("marcgate validate: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_exits_two() => Assert.Equal(2, Run().Code);

    [Fact]
    public void Missing_file_exits_two_and_still_reports_the_others()
    {
        var (code, output, errors) = Run(Path.Combine(Path.GetTempPath(), "marcgate-no-such-file.mrc"), TestFiles.Marc("valid/summerland.mrc"));
        Assert.Equal(2, code);
        Assert.Contains("cannot read", errors, StringComparison.Ordinal);
        Assert.Contains("summerland.mrc: 1 record(s)", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var root = new RootCommand { ValidateCommand.Create() };
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = root.Parse(["validate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = errors });
        return (code, output.ToString(), errors.ToString());
    }
}
