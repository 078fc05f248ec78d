using System.CommandLine;
using Marcgate.Export.Files;
using Marcgate.Export.Gateway;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.SaveFile;
using Marcgate.Export.Sqlite;
using Marcgate.Validation;
using Spectre.Console;

namespace Marcgate.Cli;

/// <summary><c>marcgate export [FILE…] [--flagged] [--destination NAME] [overrides]</c>: Connexion's export to a TCP/IP connection or a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files whose records to export (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.ZeroOrMore };
        var from = RecordInput.FromOption();
        var flagged = new Option<bool>("--flagged") { Description = "Export every record flagged in the save file; the flag is cleared on records the host accepted" };
        var destination = new Option<string>("--destination") { Description = "A named destination (network, institution, sandbox, …) from export-options destinations" };
        var trace = new Option<FileInfo>("--trace") { Description = "Write the byte transcript to FILE (the password masked)" };
        var saveFile = new Option<FileInfo>("--save-file") { Description = "The save file (default: $MARCGATE_DATA_DIR or $XDG_DATA_HOME/marcgate/savefile.db)" };
        var toFile = new Option<string>("--to-file") { Description = "Export to this file instead of a TCP/IP connection" };
        var verbose = new Option<bool>("--verbose") { Description = "Print a line per record (with the host's whole reply) on a terminal too, instead of a progress bar" };
        var overrides = OverrideOptions();

        var command = new Command("export", """
            Export records as Connexion does: to a gateway host over TCP/IP (gateway §6) or to a file.
            Settings come from the session file ($MARCGATE_SESSION), else My Default, else the built-in defaults;
            the flags below override them for this run only (see marcgate export-options).
            A refused or locked-out logon, or a host that cannot be reached through the retries, stops the
            export: the records left are not sent, and the summary says why.
            """)
        {
            files, from, flagged, destination, trace, saveFile, toFile, verbose,
        };
        foreach (var option in overrides)
        {
            command.Options.Add(option.Option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var option in overrides)
            {
                if (parse.GetResult(option.Option) is { Implicit: false })
                {
                    pairs.Add(KeyValuePair.Create(option.Key, option.Value(parse)));
                }
            }

            if (parse.GetValue(toFile) is { } path)
            {
                pairs.Add(KeyValuePair.Create("export-destination", "file"));
                pairs.Add(KeyValuePair.Create("file-name", path));
            }

            var store = ExportOptionStore.FromEnvironment();
            var set = store.Load(out _, out var loadError);
            var options = set?.Resolve(parse.GetValue(destination), pairs, out loadError);
            if (options is null)
            {
                error.WriteLine($"marcgate export: {loadError}");
                return ExitCodes.Usage;
            }

            var inputs = parse.GetValue(files) ?? [];
            var fromSaveFile = parse.GetValue(flagged);
            if (inputs.Length == 0 && !fromSaveFile)
            {
                error.WriteLine("marcgate export: nothing to export; name MARC files or use --flagged");
                return ExitCodes.Usage;
            }

            if (!RecordInput.TryParseFrom(parse.GetValue(from), out var inputFormat, out var fromProblem))
            {
                error.WriteLine($"marcgate export: {fromProblem}");
                return ExitCodes.Usage;
            }

            if (options.ExportDestination == ExportDestinationKind.File && options.FileName is { } target
                && inputs.FirstOrDefault(input => input != "-" && File.Exists(input) && AtomicOutputFile.IsSameFile(input, target)) is { } same)
            {
                error.WriteLine($"marcgate export: {same} is both an input and the export file; export to another file");
                return ExitCodes.Usage;
            }

            var marking = options.MarkForExportAndSave && !fromSaveFile;
            var problems = marking ? [] : options.Check();
            string? password = null;
            if (!marking && options.ExportDestination == ExportDestinationKind.Tcp && options.SendLogonId && options.Password is not null)
            {
                password = options.Password.TryResolve(out var passwordError);
                if (password is null)
                {
                    problems = [.. problems, passwordError!];
                }
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    error.WriteLine($"marcgate export: {problem}");
                }

                return ExitCodes.Usage;
            }

            List<ExportItem> items;
            ISaveFileStore? savedRecords = null;
            try
            {
                savedRecords = marking || fromSaveFile ? SqliteSaveFileStore.Open(parse.GetValue(saveFile)?.FullName ?? SaveFilePaths.DefaultPath()) : null;
                items = fromSaveFile ? [.. ExportItems.Flagged(savedRecords!)] : [];
                foreach (var name in inputs)
                {
                    // Input that is not MARC stops the export before anything is sent.
                    if (!RecordInput.TryOpen(name, inputFormat, "export", error, out var input))
                    {
                        savedRecords?.Dispose();
                        return ExitCodes.Usage;
                    }

                    var before = items.Count;
                    using (input)
                    {
                        using var reader = input.OpenReader(Marcgate.Marc.MarcReaderOptions.Default);
                        items.AddRange(ExportItems.FromReader(reader, name == "-" ? "standard input" : name, items.Count + 1));
                    }

                    if (items.Count == before)
                    {
                        savedRecords?.Dispose();
                        error.WriteLine($"marcgate export: {name} holds no records");
                        return ExitCodes.Usage;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SaveFileException)
            {
                savedRecords?.Dispose();
                error.WriteLine($"marcgate export: {e.Message}");
                return ExitCodes.Usage;
            }

            using var saved = savedRecords;

            if (items.Count == 0)
            {
                output.WriteLine("No records to export (no flagged records in the save file).");
                return ExitCodes.Ok;
            }

            var perRecord = parse.GetValue(verbose) || !IsTerminal(output);
            var lines = perRecord ? new SynchronousProgress(result => WriteRecord(output, result)) : null;
            IReadOnlyList<ExportRecordResult> results;
            try
            {
                if (marking)
                {
                    results = ExportJob.SaveAndFlag(items, saved!, lines);
                }
                else
                {
                    using var traceWriter = parse.GetValue(trace) is { } traceFile ? new GatewayTrace(new StreamWriter(traceFile.FullName, append: false)) : null;
                    var job = new ExportJob(options, MarcValidator.Instance) { Trace = traceWriter };
                    results = lines is null
                        ? await RunWithProgressBarAsync(job, items, password, saved, cancellationToken).ConfigureAwait(false)
                        : await job.RunAsync(items, password, saved, lines, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (SaveFileException e)
            {
                // The host's replies already printed stand; the save file could not record them.
                error.WriteLine($"marcgate export: {e.Message}");
                return ExitCodes.Usage;
            }

            if (perRecord)
            {
                output.WriteLine();
            }

            foreach (var line in ExportSummary.Report(options, results))
            {
                output.WriteLine(line);
            }

            return results.Any(r => r.Status == ExportStatus.NotSent) ? ExitCodes.PartialDelivery
                : results.All(r => r.Succeeded) ? ExitCodes.Ok
                : ExitCodes.RecordErrors;
        });
        return command;
    }

    // A progress bar only where a person watches; scripts and logs get one line per record.
    private static bool IsTerminal(TextWriter output) =>
        !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out) && AnsiConsole.Profile.Capabilities.Interactive;

    private static async Task<IReadOnlyList<ExportRecordResult>> RunWithProgressBarAsync(ExportJob job, List<ExportItem> items, string? password, ISaveFileStore? saveFile, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExportRecordResult> results = [];
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Exporting", maxValue: items.Count);
            results = await job.RunAsync(items, password, saveFile, new SynchronousProgress(_ => task.Increment(1)), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    private static void WriteRecord(TextWriter output, ExportRecordResult result)
    {
        output.WriteLine(ExportSummary.Line(result));
        foreach (var detail in ExportSummary.Details(result))
        {
            output.WriteLine(detail);
        }
    }

    private static List<(string Key, Option Option, Func<ParseResult, string> Value)> OverrideOptions()
    {
        var list = new List<(string, Option, Func<ParseResult, string>)>();
        void Text(string key, string description)
        {
            var option = new Option<string>("--" + key) { Description = description };
            list.Add((key, option, p => p.GetValue(option) ?? string.Empty));
        }

        void Switch(string key, string description)
        {
            var on = new Option<bool>("--" + key) { Description = description + " (on)" };
            var off = new Option<bool>("--no-" + key) { Description = description + " (off)" };
            list.Add((key, on, p => p.GetValue(on) ? "on" : "off"));
            list.Add((key, off, p => p.GetValue(off) ? "off" : "on"));
        }

        Text("host", "Host Name");
        Text("port", "Port Number");
        Text("logon-id", "Logon ID (A)");
        Text("password-env", "Read the password from this environment variable");
        Text("password-file", "Read the password from the first line of this file");
        Text("user-id", "User ID (U)");
        Switch("tls", "Connect with TLS, checking the host's certificate against the system's trusted roots or --tls-ca");
        Text("tls-ca", "Trust only the certificate authorities of this PEM file for the host's certificate");
        Switch("tls-insecure", "Accept any TLS certificate: encryption without knowing who answers, for a test host only");
        Switch("send-logon-id", "Send Logon ID");
        Switch("send-user-id", "Send User ID");
        Switch("permanent-connection", "Permanent Connection");
        Switch("notify-host-before-disconnect", "Notify Host before Disconnect (EOT after each record)");
        Switch("mark-for-export", "Mark for Export and Save Record");
        Text("timeout", "Timeout in seconds");
        Text("retries", "Retries");
        Text("delay", "Delay in seconds between attempts");
        Text("file-type", "Export File Type: individual or single");
        Text("fields-to-delete", "Fields to Delete on Export, separated by commas or spaces, e.g. 029,938,9XX");
        Text("validate-bib", "Validate bibliographic records: none, structure, basic or full");
        Text("validate-auth", "Validate authority records: none, structure, basic or full");
        Text("format", "Record format: iso2709 or marcxml (files only)");
        Text("charset", "Character set: utf8 or marc8");
        return list;
    }

    // Progress<T> posts to the thread pool; plain lines must come out in order, as they happen.
    private sealed class SynchronousProgress(Action<ExportRecordResult> report) : IProgress<ExportRecordResult>
    {
        public void Report(ExportRecordResult value) => report(value);
    }
}
