using System.CommandLine;
using Marcgate.Validation;

namespace Marcgate.Cli.Validate;

/// <summary><c>marcgate validate [--level …] [--type …] [--format text|json] FILE…</c>: MARC 21 validation, a report per record.</summary>
internal static class ValidateCommand
{
    public const int ExitClean = 0;
    public const int ExitErrorsFound = 1;
    public const int ExitUsageOrIo = 2;

    public static Command Create()
    {
        var level = new Option<string>("--level") { Description = "none, structure, basic or full (default full)", DefaultValueFactory = _ => "full" };
        var type = new Option<string>("--type") { Description = "auto (from leader/06), bib, auth or holdings (default auto)", DefaultValueFactory = _ => "auto" };
        var format = new Option<string>("--format") { Description = "text or json (default text)", DefaultValueFactory = _ => "text" };
        var from = RecordInput.FromOption();
        var files = new Argument<string[]>("FILE") { Description = "Files to validate (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(
            "validate",
            "Validate MARC 21 records in MARC files and report findings per record.")
        {
            level, type, format, from, files,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var request = ValidateRequest.Parse(parse.GetValue(level), parse.GetValue(type), parse.GetValue(format), parse.GetValue(files), parse.UnmatchedTokens, parse.GetValue(from));
            if (request.Problem is not null)
            {
                errors.WriteLine($"marcgate validate: {request.Problem}");
                return ExitUsageOrIo;
            }

            if (ReferenceEquals(output, Console.Out))
            {
                // The report is UTF-8 already: it goes to standard output as bytes, through one buffer.
                using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                return new ValidateRun(request, stdout, errors).Execute();
            }

            using var text = new ValidateWriterStream(output);
            return new ValidateRun(request, text, errors).Execute();
        });
        return command;
    }
}
