namespace Marcgate.Cli.Tests;

public sealed class ExportOptionsCommandTests : IDisposable
{
    private const string Secret = "n0t-in-any-file-7731";
    private readonly ExportCliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Bad_values_exit_2_naming_the_setting()
    {
        var (exit, _, error) = _cli.Run("export-options", "set", "port", "70000");
        Assert.Equal(2, exit);
        Assert.Contains("port: 70000 is out of range (1-65535)", error, StringComparison.Ordinal);
        (exit, _, error) = _cli.Run("export-options", "set", "fields-to-delete", "029,9Z9");
        Assert.Equal(2, exit);
        Assert.Contains("fields-to-delete: '9Z9' is not a tag pattern", error, StringComparison.Ordinal);
        (exit, _, error) = _cli.Run("export-options", "set", "timeout", "0");
        Assert.Equal(2, exit);
        Assert.Contains("timeout: 0 s; it must be more than 0 seconds", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DefaultFile));
    }

    [Fact]
    public void Set_then_show_reads_my_default()
    {
        Assert.Equal(0, _cli.Run("export-options", "set", "host", "alma.example.org", "logon-id", "01CARLI_NETWORK", "retries", "5").Exit);
        var (exit, output, _) = _cli.Run("export-options", "show");
        Assert.Equal(0, exit);
        Assert.Contains("# from my default " + _cli.DefaultFile, output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^host\s+alma\.example\.org$", output);
        Assert.Matches(@"(?m)^retries\s+5$", output);
        Assert.Matches(@"(?m)^timeout\s+90$", output);
    }

    [Fact]
    public void Save_for_session_leaves_my_default_untouched_and_reset_returns_to_built_in()
    {
        Assert.Equal(0, _cli.Run("export-options", "save-default", "timeout", "120").Exit);
        var before = File.ReadAllBytes(_cli.DefaultFile);

        _cli.Environment["MARCGATE_SESSION"] = Path.Combine(_cli.Directory, "session.json");
        Assert.Equal(0, _cli.Run("export-options", "save-session", "timeout", "7").Exit);
        Assert.Matches(@"(?m)^timeout\s+7$", _cli.Run("export-options", "show").Output);
        Assert.Equal(0, _cli.Run("export-options", "reset").Exit);
        Assert.Matches(@"(?m)^timeout\s+90$", _cli.Run("export-options", "show").Output);
        Assert.Equal(before, File.ReadAllBytes(_cli.DefaultFile));

        _cli.Environment["MARCGATE_SESSION"] = null;
        Assert.Matches(@"(?m)^timeout\s+120$", _cli.Run("export-options", "show").Output);
    }

    [Fact]
    public void Save_for_session_without_a_session_file_says_how()
    {
        var (exit, _, error) = _cli.Run("export-options", "save-session");
        Assert.Equal(2, exit);
        Assert.Contains("set MARCGATE_SESSION=PATH", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Destinations_are_listed_used_and_the_password_is_never_shown_or_stored()
    {
        _cli.Environment["NZ_PW"] = Secret;
        Assert.Equal(0, _cli.Run("export-options", "destinations", "add", "network", "host", "nz.example.org", "logon-id", "01CARLI_NETWORK", "password-env", "NZ_PW").Exit);
        Assert.Equal(0, _cli.Run("export-options", "destinations", "add", "sandbox", "host", "sb.example.org", "port", "5501", "logon-id", "01CARLI_SB", "password-env", "NZ_PW").Exit);
        Assert.Equal(0, _cli.Run("export-options", "destinations", "use", "sandbox").Exit);

        var list = _cli.Run("export-options", "destinations", "list").Output;
        Assert.Contains("* sandbox", list, StringComparison.Ordinal);
        Assert.Contains("password=(from env NZ_PW)", list, StringComparison.Ordinal);
        var show = _cli.Run("export-options", "show").Output;
        Assert.Matches(@"(?m)^port\s+5501$", show);
        Assert.Matches(@"(?m)^password\s+\(from env NZ_PW\)$", show);
        Assert.Matches(@"(?m)^host\s+nz\.example\.org$", _cli.Run("export-options", "show", "--destination", "network").Output);

        Assert.DoesNotContain(Secret, list + show, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, File.ReadAllText(_cli.DefaultFile), StringComparison.Ordinal);

        var (exit, _, error) = _cli.Run("export-options", "destinations", "use", "institution");
        Assert.Equal(2, exit);
        Assert.Contains("destination 'institution' is not defined; the destinations are: network, sandbox", error, StringComparison.Ordinal);
    }
}
