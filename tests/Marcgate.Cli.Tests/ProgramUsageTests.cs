using System.CommandLine;

namespace Marcgate.Cli.Tests;

/// <summary>The whole program's command line: mistakes are usage errors (exit 2) that name the mistake, never a stack trace or a .NET type.</summary>
public sealed class ProgramUsageTests
{
    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_the_nearest_option_not_a_file_to_read()
    {
        var run = await Run("validate", "--levle", "full", "x.mrc");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown option '--levle' for 'marcgate validate'; did you mean '--level'?", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_with_the_nearest_command()
    {
        var run = await Run("valdate", "x.mrc");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(
            ["marcgate: unknown command 'valdate' for 'marcgate'; did you mean 'validate'?", "Run 'marcgate --help' for usage."],
            run.ErrorLines);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_says_what_was_expected_without_a_dotnet_type_name()
    {
        var run = await Run("records", "show", "--version", "v1", "--repository", "NETWORK", "--oclc", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'v1' is not a whole number for --version", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dump")]
    [InlineData("records")]
    public async Task A_missing_argument_or_command_is_a_usage_error(string command)
    {
        var run = await Run(command);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"marcgate: 'marcgate {command}' needs ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_dash_still_names_standard_input()
    {
        var run = await Run("count", "--help");
        var parse = MarcgateProgram.CreateRoot().Parse(["count", "-"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public async Task The_root_help_lists_the_exit_codes_once()
    {
        var run = await Run("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(ExitCodes.Help, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_repeats_the_exit_codes_in_its_own_help()
    {
        var root = MarcgateProgram.CreateRoot();
        var commands = new List<Command>();
        var pending = new Stack<Command>(root.Subcommands);
        while (pending.TryPop(out var command))
        {
            commands.Add(command);
            foreach (var subcommand in command.Subcommands)
            {
                pending.Push(subcommand);
            }
        }

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.DoesNotContain("exit code", c.Description ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("--levle", "--level")]
    [InlineData("--repositry", "--repository")]
    [InlineData("--zzz", null)]
    public void Suggestions_come_only_when_a_name_is_close(string token, string? expected)
    {
        var suggestion = MarcgateProgram.Suggestion(token, ["--level", "--repository", "--format"]);

        Assert.Equal(expected is null ? string.Empty : $"; did you mean '{expected}'?", suggestion);
    }

    private static async Task<CommandRun> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await MarcgateProgram.RunAsync(args, output, error);
        return new CommandRun(exit, output.ToString(), error.ToString());
    }
}
