using System.CommandLine;
using Marcgate.Marc;

namespace Marcgate.Cli;

/// <summary><c>marcgate count [--strict] FILE…</c>: how many records each file holds, and what was wrong with them.</summary>
internal static class CountCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to count (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Reject every record with a structural problem instead of recovering it" };
        var from = RecordInput.FromOption();
        var command = new Command(
            "count",
            "Count the records in MARC files: one line per file (records, then a diagnostics summary), then a total line.\n"
            + "Errors are listed on standard error with file, record number and byte offset.")
        {
            files,
            strict,
            from,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = parse.GetValue(strict) ? MarcReaderOptions.StrictDefault : MarcReaderOptions.Default;
            if (!RecordInput.TryParseFrom(parse.GetValue(from), out var format, out var problem))
            {
                error.WriteLine($"marcgate count: {problem}");
                return ExitCodes.Usage;
            }

            var total = 0L;
            var exit = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!RecordInput.TryOpen(file, format, "count", error, out var input))
                {
                    exit = ExitCodes.Usage;
                    continue;
                }

                try
                {
                    using var opened = input;
                    var tally = Count(input, options, error);
                    output.WriteLine($"{tally.Records}\t{file}{tally.Summary()}");
                    total += tally.Records;
                    exit = Math.Max(exit, tally.Failed ? 1 : 0);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"marcgate count: {file}: cannot read: {e.Message}");
                    exit = ExitCodes.Usage;
                }
            }

            output.WriteLine($"{total}\ttotal");
            return exit;
        });
        return command;
    }

    private static CountTally Count(RecordInput input, MarcReaderOptions options, TextWriter error)
    {
        var tally = new CountTally();
        using var reader = input.OpenReader(options);
        while (reader.Read() is { } result)
        {
            tally.Add(result.Record is not null, result.Diagnostics, input.Name, error);
        }

        tally.Add(null, reader.EndDiagnostics, input.Name, error);
        return tally;
    }
}
