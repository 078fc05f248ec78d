using System.CommandLine;
using Marcgate.Export.Files;
using Marcgate.Marc;
using Marcgate.Marc.Formats;

namespace Marcgate.Cli;

/// <summary><c>marcgate convert</c>: records from ISO 2709, MARCXML, MARC-in-JSON or mnemonic text to any of them, streaming.</summary>
internal static class ConvertCommand
{
    public const int ExitOk = ExitCodes.Ok;
    public const int ExitRecordErrors = ExitCodes.RecordErrors;
    public const int ExitUsage = ExitCodes.Usage;

    public static Command Create()
    {
        // Values are checked in the action, not by the parser, so that every usage error exits with 2 as documented.
        var formats = string.Join('|', MarcFormats.Names);
        var from = new Option<string?>("--from") { Description = "Input format (default: detected from the first bytes of each input)", HelpName = formats };
        var to = new Option<string?>("--to") { Description = "Output format (required)", HelpName = formats };
        var charset = new Option<string?>("--charset") { Description = "utf8: convert MARC-8 records to Unicode (leader/09 'a'); marc8: the reverse. MARCXML and JSON output is always Unicode", HelpName = "utf8|marc8" };
        var lenient = new Option<bool>("--lenient") { Description = "Recover from damaged records and report what was done (the default)" };
        var strict = new Option<bool>("--strict") { Description = "Reject any record with a structural problem, with the same diagnostics" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Output file (default: standard output)" };
        var files = new Argument<string[]>("FILE") { Description = "Input files; '-' or none reads standard input", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(
            "convert",
            "Convert MARC records between ISO 2709, MARCXML, MARC-in-JSON and MarcEdit mnemonic text, one record at a time. "
            + "Diagnostics go to standard error as 'FILE: record N, byte B: severity ID: message'.")
        {
            from, to, charset, lenient, strict, output, files,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var usage = parse.UnmatchedTokens.Count > 0 ? $"unknown argument '{parse.UnmatchedTokens[0]}'"
                : parse.GetValue(lenient) && parse.GetValue(strict) ? "--lenient and --strict exclude each other"
                : parse.GetValue(to) is null ? "--to is required"
                : !MarcFormats.TryParse(parse.GetValue(to), out _) ? $"--to must be one of {formats}, not '{parse.GetValue(to)}'"
                : parse.GetValue(from) is { } f && !MarcFormats.TryParse(f, out _) ? $"--from must be one of {formats}, not '{f}'"
                : parse.GetValue(charset) is { } c && c is not ("utf8" or "marc8") ? $"--charset must be utf8 or marc8, not '{c}'"
                : null;
            if (usage is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"marcgate convert: {usage} (see marcgate convert --help)");
                return ExitUsage;
            }

            MarcFormat? inputFormat = MarcFormats.TryParse(parse.GetValue(from), out var parsedFrom) ? parsedFrom : null;
            MarcFormats.TryParse(parse.GetValue(to), out var outputFormat);
            var target = parse.GetValue(charset) switch
            {
                "utf8" => TargetCharset.Utf8,
                "marc8" => TargetCharset.Marc8,
                _ => TargetCharset.Unchanged,
            };
            var options = parse.GetValue(strict) ? MarcReaderOptions.StrictDefault : MarcReaderOptions.Default;
            var inputs = parse.GetValue(files) is { Length: > 0 } names ? names : ["-"];
            return Run(inputs, inputFormat, outputFormat, target, options, parse.GetValue(output), parse.InvocationConfiguration.Error);
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> inputs, MarcFormat? inputFormat, MarcFormat outputFormat, TargetCharset charset, MarcReaderOptions options, FileInfo? output, TextWriter errors)
    {
        if (output is not null && inputs.FirstOrDefault(input => input != "-" && File.Exists(input) && AtomicOutputFile.IsSameFile(input, output.FullName)) is { } same)
        {
            errors.WriteLine($"marcgate convert: {same} is both an input and the output (-o); write to another file");
            return ExitUsage;
        }

        // A file output is written beside its target and renamed over it only when the run succeeds.
        AtomicOutputFile? file = null;
        Stream outputStream;
        try
        {
            file = output is null ? null : AtomicOutputFile.Create(output.FullName);
            outputStream = file?.Stream ?? Console.OpenStandardOutput();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"marcgate convert: cannot write {output!.FullName}: {ex.Message}");
            return ExitUsage;
        }

        using var pending = file;
        var ioFailed = false;
        using var writer = MarcFormats.OpenWriter(outputStream, outputFormat, leaveOpen: file is not null);
        var converter = new MarcConverter(writer, charset, (source, diagnostic) => errors.WriteLine(Describe(source, diagnostic)));
        foreach (var name in inputs)
        {
            if (!RecordInput.TryOpen(name, inputFormat, "convert", errors, out var input))
            {
                ioFailed = true;
                continue;
            }

            try
            {
                using (input)
                {
                    converter.Convert(input.Stream, name, input.Format, options);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"marcgate convert: {name}: cannot read: {ex.Message}");
                ioFailed = true;
            }
        }

        try
        {
            writer.Complete();
            if (!ioFailed)
            {
                file?.Commit();
            }
        }
        catch (IOException ex)
        {
            errors.WriteLine($"marcgate convert: cannot write the output: {ex.Message}");
            return ExitUsage;
        }

        var summary = converter.Summary;
        if (summary.RecordsWithErrors > 0 || summary.Warnings > 0)
        {
            errors.WriteLine($"marcgate convert: {summary.RecordsRead} records read, {summary.RecordsWritten} written, {summary.RecordsWithErrors} with errors, {summary.Warnings} warnings");
        }

        if (ioFailed && file is not null)
        {
            errors.WriteLine($"marcgate convert: {output!.FullName} not written");
        }

        return ioFailed ? ExitUsage : summary.RecordsWithErrors > 0 ? ExitRecordErrors : ExitOk;
    }

    private static string Describe(string source, MarcDiagnostic diagnostic)
    {
        var at = diagnostic.ByteOffset >= 0 ? $", byte {diagnostic.ByteOffset}" : "";
        return $"{source}: record {diagnostic.RecordNumber}{at}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.Message}";
    }
}
