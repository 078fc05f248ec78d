using System.Text;
using Marcgate.Cli.Validate;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Cli.Tests.Validate;

/// <summary>Records validated in parallel batches give the report, byte for byte, that validating them one by one gives.</summary>
public sealed class ValidateRunTests
{
    [Theory]
    [InlineData(ValidationLevel.None, false)]
    [InlineData(ValidationLevel.Structure, false)]
    [InlineData(ValidationLevel.Basic, false)]
    [InlineData(ValidationLevel.Full, false)]
    [InlineData(ValidationLevel.Full, true)]
    public void The_whole_test_corpus_reports_the_same_in_parallel_one_by_one_and_as_written_plainly(ValidationLevel level, bool json)
    {
        var files = CorpusFiles();
        var expected = ValidateReportOracle.Run(level, json, files);

        var parallel = Run(level, json, parallel: true, files);
        var sequential = Run(level, json, parallel: false, files);

        Assert.Equal(expected.Code, parallel.Code);
        Assert.Equal(expected.Code, sequential.Code);
        Assert.Equal(expected.Output, sequential.Output);
        Assert.Equal(expected.Output, parallel.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Empty_and_missing_files_are_left_out_of_the_report(bool json)
    {
        var empty = Path.GetTempFileName();
        try
        {
            string[] files = [empty, Path.Combine(Path.GetTempPath(), "marcgate-no-such-file.mrc"), TestFiles.Marc("valid/summerland.mrc")];
            var expected = ValidateReportOracle.Run(ValidationLevel.Full, json, files);

            var actual = Run(ValidationLevel.Full, json, parallel: true, files);

            Assert.Equal(expected, actual);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_missing_files_still_make_a_whole_report(bool json)
    {
        string[] files = [Path.Combine(Path.GetTempPath(), "marcgate-no-such-file.mrc")];

        Assert.Equal(ValidateReportOracle.Run(ValidationLevel.Full, json, files), Run(ValidationLevel.Full, json, parallel: true, files));
    }

    // Every file of the MARC test corpus, readable or not, so that batches end inside files and files end inside batches.
    private static string[] CorpusFiles() =>
        [.. Directory.GetFiles(TestFiles.Marc("valid")).Concat(Directory.GetFiles(TestFiles.Marc("invalid"))).Order(StringComparer.Ordinal)];

    private static (int Code, string Output) Run(ValidationLevel level, bool json, bool parallel, params string[] files)
    {
        var request = new ValidateRequest(level, null, json, files, null);
        var output = new MemoryStream();
        var code = new ValidateRun(request, output, TextWriter.Null, parallel).Execute();
        return (code, Encoding.UTF8.GetString(output.ToArray()));
    }
}
