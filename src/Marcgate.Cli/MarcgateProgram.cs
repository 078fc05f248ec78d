using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Marcgate.Cli;

/// <summary>
/// The <c>marcgate</c> program: builds the command tree, turns every command-line mistake into a usage
/// error (exit 2) that names the mistake and the nearest correct name, and keeps stack traces and .NET
/// type names away from the person at the terminal.
/// </summary>
internal static partial class MarcgateProgram
{
    public const string Description = "Marcgate: MARC 21 records and the OCLC Gateway Export protocol, both ends.";

    /// <summary>The whole command tree, with the checks that make unknown options usage errors.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(Description + Environment.NewLine + ExitCodes.Help);
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        CatalogStoreSelection.AddOptionTo(root);
        RefuseOptionLikeArguments(root);
        return root;
    }

    /// <summary>Runs one command line; returns its exit code from <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            ReportUsageErrors(parse, error);
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("marcgate: cancelled");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            // A bug, not a user's mistake: one line for the person, the details in a file for the report.
            var details = WriteDetails(args, e);
            error.WriteLine(details is null
                ? $"marcgate: unexpected error: {e.Message}"
                : $"marcgate: unexpected error: {e.Message} (details in {details})");
            return ExitCodes.Usage;
        }
    }

    private static void ReportUsageErrors(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<ParseError> errors = parse.Errors;
        if (command is RootCommand && errors.FirstOrDefault(e => UnrecognizedPattern().IsMatch(e.Message)) is { } unknownCommand)
        {
            // "marcgate valdate x.mrc": the unknown command is the one mistake; the rest follows from it.
            errors = [unknownCommand];
        }

        foreach (var parseError in errors)
        {
            var message = Rephrase(parseError.Message, command);
            if (seen.Add(message))
            {
                error.WriteLine($"marcgate: {message}");
            }
        }

        error.WriteLine($"Run '{CommandPath(command)} --help' for usage.");
    }

    /// <summary>Says System.CommandLine's messages in the terms of this program: no .NET type names, and a "did you mean".</summary>
    internal static string Rephrase(string message, Command command)
    {
        var unrecognized = UnrecognizedPattern().Match(message);
        if (unrecognized.Success)
        {
            var token = unrecognized.Groups[1].Value;
            var kind = token.StartsWith('-') ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            var names = token.StartsWith('-') ? OptionNames(command) : command.Subcommands.Select(c => c.Name);
            return $"unknown {kind} '{token}' for '{CommandPath(command)}'{Suggestion(token, names)}";
        }

        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return $"'{CommandPath(command)}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        }

        if (message.StartsWith("Required argument missing", StringComparison.Ordinal))
        {
            return $"'{CommandPath(command)}' needs {string.Join(" ", command.Arguments.Select(a => a.Name))}";
        }

        var cannotParse = CannotParsePattern().Match(message);
        if (cannotParse.Success)
        {
            var (value, symbol, type) = (cannotParse.Groups[1].Value, cannotParse.Groups[2].Value, cannotParse.Groups[3].Value);
            return $"'{value}' is not {Expected(type)} for {symbol}";
        }

        return TypeNamePattern().Replace(message, m => Expected(m.Groups[1].Value));
    }

    private static string Expected(string typeName) => NullableOf(typeName) switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Single" => "a number",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        "System.Boolean" => "true or false",
        "System.IO.FileInfo" => "a file path",
        "System.IO.DirectoryInfo" => "a directory path",
        _ => "a valid value",
    };

    private static string NullableOf(string typeName) =>
        typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName["System.Nullable`1[".Length..^1] : typeName;

    /// <summary>
    /// An unknown option such as <c>--levle</c> would otherwise be taken as a file name ("cannot read --levle"):
    /// every argument refuses values that look like options. A lone <c>-</c> (standard input) stays allowed.
    /// </summary>
    private static void RefuseOptionLikeArguments(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            var owner = command;
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                {
                    if (token.Value.Length > 1 && token.Value[0] == '-' && !double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        result.AddError($"unknown option '{token.Value}' for '{CommandPath(owner)}'{Suggestion(token.Value, OptionNames(owner))}");
                    }
                }
            });
        }

        foreach (var subcommand in command.Subcommands)
        {
            RefuseOptionLikeArguments(subcommand);
        }
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in current.Options)
            {
                if (current == command || option.Recursive)
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases)
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    /// <summary>"; did you mean 'X'?" when one known name is within two edits (or starts with the token), else nothing.</summary>
    internal static string Suggestion(string token, IEnumerable<string> names)
    {
        var best = names
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: EditDistance(token, name)))
            .Where(c => c.Distance <= Math.Max(2, token.Length / 4) || (token.Length >= 3 && c.Name.StartsWith(token, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $"; did you mean '{best.Name}'?";
    }

    private static int EditDistance(string a, string b)
    {
        // Optimal string alignment: a swap of two neighbours (--levle for --level) is one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(current is RootCommand ? "marcgate" : current.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string? WriteDetails(string[] args, Exception e)
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"marcgate-error-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(path, $"marcgate {string.Join(' ', args)}{Environment.NewLine}{e}{Environment.NewLine}");
            return path;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex UnrecognizedPattern();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|argument|command) '(.*)' as expected type '([\w.`\[\]]+)'\.?$")]
    private static partial Regex CannotParsePattern();

    [GeneratedRegex(@"'?(System\.[\w.`\[\]]+)'?")]
    private static partial Regex TypeNamePattern();
}
