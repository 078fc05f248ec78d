using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

public sealed class CountCommandTests
{
    [Fact]
    public void Counts_each_file_and_prints_a_total()
    {
        var camel = TestFiles.Marc("valid/camel.usmarc");
        var chabon = TestFiles.Marc("valid/chabon.mrc");

        var run = CommandRun.Invoke(CountCommand.Create(), camel, chabon);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"10\t{camel}", $"2\t{chabon}", "12\ttotal"], run.OutputLines);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Summarises_recovered_problems_and_exits_0_when_nothing_was_lost()
    {
        var file = TestFiles.Marc("invalid/cameleof.usmarc");

        var run = CommandRun.Invoke(CountCommand.Create(), file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"10\t{file}\t0 rejected, 0 with errors; MARC009×3", run.OutputLines[0]);
    }

    [Fact]
    public void Errors_name_file_record_and_byte_and_exit_1()
    {
        var file = TestFiles.Marc("invalid/bad_records.mrc");

        var run = CommandRun.Invoke(CountCommand.Create(), file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"8\t{file}\t0 rejected, 1 with errors; MARC003×3 MARC004×3 MARC005×1 MARC009×1", run.OutputLines[0]);
        Assert.StartsWith($"{file}: record 5, byte 533: error MARC005: directory entry 1 (bytes 24-35 of the record at offset 509) for tag '245'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_rejects_every_damaged_record()
    {
        var file = TestFiles.Marc("invalid/bad_records.mrc");

        var run = CommandRun.Invoke(CountCommand.Create(), "--strict", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"2\t{file}\t6 rejected, 0 with errors; MARC003×3 MARC004×3 MARC005×1 MARC009×1", "2\ttotal"], run.OutputLines);
        Assert.Equal(8, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_with_exit_2_and_the_other_files_still_count()
    {
        var missing = Path.Combine(Path.GetTempPath(), "marcgate-no-such-file.mrc");
        var chabon = TestFiles.Marc("valid/chabon.mrc");

        var run = CommandRun.Invoke(CountCommand.Create(), missing, chabon);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Equal([$"2\t{chabon}", "2\ttotal"], run.OutputLines);
    }

    [Fact]
    public void No_file_argument_is_a_usage_error()
    {
        Assert.NotEqual(0, CommandRun.Invoke(CountCommand.Create()).ExitCode);
    }
}
