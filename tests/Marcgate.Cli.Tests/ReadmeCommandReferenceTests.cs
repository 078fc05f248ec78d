using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>README.md's command reference and the program's <c>--help</c> name the same commands and options.</summary>
public sealed partial class ReadmeCommandReferenceTests
{
    // Options of other programs the README shows (dotnet run --project …, PostgreSQL's createuser and createdb).
    private static readonly string[] s_otherPrograms = ["--project", "--pwprompt", "--owner"];

    private static readonly Lazy<string> s_readme = new(() => File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "README.md")));

    [Fact]
    public void Every_command_is_in_the_readme()
    {
        var shown = ShownCommands(out _);

        var missing = AllCommands(MarcgateProgram.CreateRoot()).Select(CommandPath).Where(path => !shown.Contains(path)).ToList();

        Assert.True(missing.Count == 0, "README.md shows no 'marcgate " + string.Join("', 'marcgate ", missing) + "'");
    }

    [Fact]
    public void Every_option_is_in_the_readme()
    {
        var named = OptionsNamedIn(s_readme.Value);

        var missing = AllCommands(MarcgateProgram.CreateRoot())
            .SelectMany(c => Options(c).Select(o => (Command: CommandPath(c), o.Name)))
            .Where(o => !named.Contains(o.Name))
            .Select(o => $"{o.Command} {o.Name}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "README.md does not mention " + string.Join(", ", missing));
    }

    [Fact]
    public void The_readme_shows_only_commands_and_options_that_exist()
    {
        ShownCommands(out var problems);
        var known = AllCommands(MarcgateProgram.CreateRoot()).SelectMany(Options).Select(o => o.Name).Concat(s_otherPrograms).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(OptionsNamedIn(s_readme.Value).Where(name => !known.Contains(name)).Select(name => $"'{name}' is no option of any command"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The commands README.md shows as <c>marcgate A B …</c>, with what does not resolve to one in <paramref name="problems"/>.</summary>
    private static HashSet<string> ShownCommands(out List<string> problems)
    {
        var root = MarcgateProgram.CreateRoot();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        problems = [];
        foreach (Match invocation in Invocation().Matches(s_readme.Value))
        {
            // "marcgate accounts list | passwd --logon-id ID | remove …": each " | " starts a sibling of the first subcommand.
            var segments = invocation.Groups[1].Value.Split(" | ");
            Command? parent = null;
            for (var s = 0; s < segments.Length; s++)
            {
                var tokens = segments[s].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0 || tokens[0].StartsWith('-'))
                {
                    continue;
                }

                var current = s == 0 ? root : parent ?? root;
                var resolved = Resolve(current, tokens, shown, problems, invocation.Value, out var last);
                if (s == 0)
                {
                    parent = last?.Parents.OfType<Command>().FirstOrDefault();
                }

                foreach (var option in tokens.Where(t => t.TrimStart('[').StartsWith("--", StringComparison.Ordinal)).SelectMany(OptionNames))
                {
                    if (resolved is not null && !Options(resolved).Any(o => o.Name == option || o.Aliases.Contains(option)))
                    {
                        problems.Add($"'{option}' is no option of '{CommandPath(resolved)}' ({invocation.Value.Trim()})");
                    }
                }
            }
        }

        return shown;
    }

    // Walks the tokens down the command tree: "export-options destinations add …", "records list|count …".
    private static Command? Resolve(Command start, string[] tokens, HashSet<string> shown, List<string> problems, string context, out Command? last)
    {
        var current = start;
        last = null;
        foreach (var token in tokens)
        {
            if (current.Subcommands.Count == 0 || token.StartsWith('-') || token.StartsWith('['))
            {
                break;
            }

            var names = token.Split('|');
            var found = names.Select(n => current.Subcommands.FirstOrDefault(c => c.Name == n)).ToList();
            if (found.Any(c => c is null))
            {
                problems.Add($"'{token}' is no command of '{("marcgate " + CommandPath(current)).Trim()}' ({context.Trim()})");
                return null;
            }

            foreach (var command in found)
            {
                shown.Add(CommandPath(command!));
            }

            last = found[0];
            if (found.Count > 1)
            {
                return null;
            }

            current = found[0]!;
        }

        return current;
    }

    private static IEnumerable<Command> AllCommands(Command command)
    {
        foreach (var subcommand in command.Subcommands.Where(c => !c.Hidden))
        {
            yield return subcommand;
            foreach (var nested in AllCommands(subcommand))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The options a command takes, its own and those of its parents that apply to it, without --help and --version.</summary>
    private static IEnumerable<Option> Options(Command command)
    {
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in current.Options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption))
            {
                if (current == command || option.Recursive)
                {
                    yield return option;
                }
            }
        }
    }

    private static HashSet<string> OptionsNamedIn(string text) =>
        OptionToken().Matches(text).SelectMany(m => OptionNames(m.Value)).Where(n => n != "--help").ToHashSet(StringComparer.Ordinal);

    // "--[no-]send-logon-id" names --send-logon-id and --no-send-logon-id.
    private static IEnumerable<string> OptionNames(string token)
    {
        var name = OptionToken().Match(token).Value;
        return name.Contains("[no-]", StringComparison.Ordinal)
            ? [name.Replace("[no-]", string.Empty, StringComparison.Ordinal), name.Replace("[no-]", "no-", StringComparison.Ordinal)]
            : name.Length > 0 ? [name] : [];
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(current.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    // "marcgate WORD …", but not a database named marcgate ("createdb --owner marcgate marcgate") or a message ("marcgate count: …").
    [GeneratedRegex(@"(?<![\w.])marcgate ((?!marcgate\b)(?:[a-z][\w-]*)(?![\w:-])[^`\n#&)]*)")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"(?<![\w-])--(?:\[no-\])?[a-z][a-z0-9-]*")]
    private static partial Regex OptionToken();
}
