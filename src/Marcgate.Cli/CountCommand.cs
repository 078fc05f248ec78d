using System.CommandLine;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary><c>marcgate count [--strict] FILE…</c>: how many records each file holds, and what was wrong with them.</summary>
internal static class CountCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "ISO 2709 files to count", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Reject every record with a structural problem instead of recovering it" };
        var command = new Command(
            "count",
            "Count the records in ISO 2709 files: one line per file (records, then a diagnostics summary), then a total line.\n"
            + "Errors are listed on standard error with file, record number and byte offset.")
        {
            files,
            strict,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = parse.GetValue(strict) ? MarcReaderOptions.StrictDefault : MarcReaderOptions.Default;
            var total = 0L;
            var exit = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var tally = Count(file, options, error);
                    output.WriteLine($"{tally.Records}\t{file}{tally.Summary()}");
                    total += tally.Records;
                    exit = Math.Max(exit, tally.Failed ? 1 : 0);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"{file.FullName}: {e.Message}");
                    exit = 2;
                }
            }

            output.WriteLine($"{total}\ttotal");
            return exit;
        });
        return command;
    }

    private static CountTally Count(FileInfo file, MarcReaderOptions options, TextWriter error)
    {
        var tally = new CountTally();
        using var reader = new Iso2709Reader(file.OpenRead(), options);
        while (reader.Read() is { } result)
        {
            tally.Add(result.Record is not null, result.Diagnostics, file.ToString(), error);
        }

        tally.Add(null, reader.EndDiagnostics, file.ToString(), error);
        return tally;
    }
}
