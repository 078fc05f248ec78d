using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

public sealed class ExportSaveFileCommandTests : IDisposable
{
    private readonly ExportCliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Add_list_flag_unflag_show_and_remove()
    {
        var (exit, output, _) = _cli.Run("savefile", "add", TestFiles.Marc("valid/camel.usmarc"));
        Assert.Equal(0, exit);
        Assert.Equal(10, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal(0, _cli.Run("savefile", "flag", "2", "4").Exit);
        var flagged = _cli.Run("savefile", "list", "--flagged").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["#2", "#4"], flagged.Select(l => l.Split('\t')[0]));
        Assert.Contains("Programming the Perl DBI", flagged[0], StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run("savefile", "unflag", "2").Exit);
        Assert.Single(_cli.Run("savefile", "list", "--flagged").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var show = _cli.Run("savefile", "show", "4").Output;
        Assert.Contains("#4 flagged for export", show, StringComparison.Ordinal);
        Assert.Contains("LDR    ", show, StringComparison.Ordinal);
        Assert.Contains("001 fol05843579", show, StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run("savefile", "remove", "4", "5").Exit);
        Assert.Equal(8, _cli.Run("savefile", "list").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Numbers_that_do_not_exist_are_named_and_exit_2()
    {
        _cli.Run("savefile", "add", TestFiles.Marc("valid/summerland.mrc"));
        var (exit, _, error) = _cli.Run("savefile", "flag", "1", "42");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("there is no record #42", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, _cli.Run("savefile", "show", "42").Exit);
    }

    [Fact]
    public void The_save_file_survives_between_commands_in_its_data_directory()
    {
        _cli.Run("savefile", "add", "--flag", TestFiles.Marc("valid/summerland.mrc"));
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "data", "savefile.db")));
        Assert.Contains("#1\tF\t12883376\tSummerland", _cli.Run("savefile", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_save_file_that_is_not_one_is_named_with_a_clear_message_and_exit_2()
    {
        var notASaveFile = Path.Combine(_cli.Directory, "notes.txt");
        File.WriteAllText(notASaveFile, new string('x', 4096));

        var list = _cli.Run("savefile", "list", "--save-file", notASaveFile);
        Assert.Equal(2, list.Exit);
        Assert.Contains(notASaveFile, list.Error, StringComparison.Ordinal);
        Assert.Contains("not a database", list.Error, StringComparison.Ordinal);

        var export = _cli.Run("export", "--flagged", "--save-file", notASaveFile, "--to-file", Path.Combine(_cli.Directory, "out.mrc"));
        Assert.Equal(2, export.Exit);
        Assert.Contains($"{notASaveFile}: cannot open the save file", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", export.Error + export.Output, StringComparison.Ordinal);
    }
}
