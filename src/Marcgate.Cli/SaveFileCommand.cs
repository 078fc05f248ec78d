using System.CommandLine;
using Marcgate.Export.Pipeline;
using Marcgate.Export.SaveFile;
using Marcgate.Export.Sqlite;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary><c>marcgate savefile add | list | show | flag | unflag | remove</c>: the local save file of records to export later.</summary>
internal static class SaveFileCommand
{
    private const int ExitOk = ExitCodes.Ok;
    private const int ExitUnreadable = ExitCodes.RecordErrors;
    private const int ExitUsage = ExitCodes.Usage;

    public static Command Create()
    {
        var path = new Option<FileInfo>("--save-file") { Description = "The save file (default: $MARCGATE_DATA_DIR, else $XDG_DATA_HOME/marcgate, else ~/.local/share/marcgate, then savefile.db)", Recursive = true };
        var command = new Command("savefile", """
            The local save file: records kept for a later export, each with a flag for export
            (marcgate export --flagged sends the flagged ones).
            """)
        {
            path,
        };

        var files = new Argument<string[]>("FILE") { Description = "Files to save (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.OneOrMore };
        var flag = new Option<bool>("--flag") { Description = "Flag the saved records for export" };
        var from = RecordInput.FromOption();
        var add = new Command("add", "Save every record of the files") { files, flag, from };
        add.SetAction(parse => WithStore(parse, path, store =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!RecordInput.TryParseFrom(parse.GetValue(from), out var format, out var problem))
            {
                error.WriteLine($"marcgate savefile: {problem}");
                return ExitUsage;
            }

            // Every input is checked before anything is saved: input that is not MARC saves nothing.
            var inputs = new List<RecordInput>();
            try
            {
                foreach (var name in parse.GetValue(files)!)
                {
                    if (!RecordInput.TryOpen(name, format, "savefile add", error, out var input))
                    {
                        return ExitUsage;
                    }

                    inputs.Add(input);
                }

                return Add(store, inputs, parse.GetValue(flag), parse.InvocationConfiguration.Output, error);
            }
            finally
            {
                inputs.ForEach(input => input.Dispose());
            }
        }));
        command.Subcommands.Add(add);

        var flaggedOnly = new Option<bool>("--flagged") { Description = "Only the records flagged for export" };
        var list = new Command("list", "List the saved records: number, flag (F), control number, title, last export") { flaggedOnly };
        list.SetAction(parse => WithStore(parse, path, store =>
        {
            foreach (var record in store.List(parse.GetValue(flaggedOnly)))
            {
                var last = record.LastExport is null ? string.Empty : $"\t[{record.LastExport}]";
                parse.InvocationConfiguration.Output.WriteLine($"#{record.Number}\t{(record.Flagged ? "F" : "-")}\t{record.ControlNumber ?? "-"}\t{record.Title}{last}");
            }

            return ExitOk;
        }));
        command.Subcommands.Add(list);

        var showNumber = new Argument<long>("N") { Description = "The save file number" };
        var show = new Command("show", "Show one saved record, field by field") { showNumber };
        show.SetAction(parse => WithStore(parse, path, store =>
        {
            var number = parse.GetValue(showNumber);
            if (store.Get(number) is not { } saved)
            {
                parse.InvocationConfiguration.Error.WriteLine($"marcgate savefile: there is no record #{number}");
                return ExitUsage;
            }

            var record = Iso2709RecordParser.Parse(saved.Iso2709, MarcReaderOptions.Default, number, 0, []);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"#{saved.Number} {(saved.Flagged ? "flagged for export" : "not flagged")}, saved {saved.Added:u}");
            if (saved.LastExport is not null)
            {
                output.WriteLine($"last export: {saved.LastExport}");
            }

            if (record is null)
            {
                output.WriteLine("(the saved bytes are not a readable record)");
                return ExitUnreadable;
            }

            // MARC-8 records hold bytes; the terminal shows them as Unicode.
            var shown = MarcCharsetConverter.ToUnicode(record);
            output.WriteLine($"LDR    {record.Leader}");
            foreach (var field in shown.Fields)
            {
                output.WriteLine(field.ToString());
            }

            return ExitOk;
        }));
        command.Subcommands.Add(show);

        command.Subcommands.Add(Numbers("flag", "Flag records for export", path, (store, numbers) => store.SetFlag(numbers, flagged: true)));
        command.Subcommands.Add(Numbers("unflag", "Clear the export flag", path, (store, numbers) => store.SetFlag(numbers, flagged: false)));
        command.Subcommands.Add(Numbers("remove", "Remove records from the save file", path, (store, numbers) => store.Remove(numbers)));
        return command;
    }

    private static int Add(ISaveFileStore store, List<RecordInput> inputs, bool flag, TextWriter output, TextWriter error)
    {
        var unreadable = 0;
        foreach (var input in inputs)
        {
            using var reader = input.OpenReader(MarcReaderOptions.Default);
            foreach (var item in ExportItems.FromReader(reader, input.Name == "-" ? "standard input" : input.Name))
            {
                if (item.Record is null)
                {
                    unreadable++;
                    error.WriteLine($"{item.Source}: not saved: {string.Join("; ", item.ReadProblems)}");
                    continue;
                }

                var number = store.Add(item.Record, Iso2709Writer.Write(item.Record), flag);
                output.WriteLine($"#{number}\t{item.Source}");
            }
        }

        return unreadable == 0 ? ExitOk : ExitUnreadable;
    }

    private static Command Numbers(string name, string description, Option<FileInfo> path, Func<ISaveFileStore, IEnumerable<long>, IReadOnlyList<long>> change)
    {
        var numbers = new Argument<long[]>("N") { Description = "Save file numbers", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { numbers };
        command.SetAction(parse => WithStore(parse, path, store =>
        {
            var asked = parse.GetValue(numbers)!;
            var missing = change(store, asked);
            foreach (var number in missing)
            {
                parse.InvocationConfiguration.Error.WriteLine($"marcgate savefile: there is no record #{number}");
            }

            parse.InvocationConfiguration.Output.WriteLine($"{name}: {asked.Length - missing.Count} record(s)");
            return missing.Count == 0 ? ExitOk : ExitUsage;
        }));
        return command;
    }

    private static int WithStore(ParseResult parse, Option<FileInfo> path, Func<ISaveFileStore, int> action)
    {
        var file = parse.GetValue(path)?.FullName ?? SaveFilePaths.DefaultPath();
        try
        {
            using var store = SqliteSaveFileStore.Open(file);
            return action(store);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SaveFileException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"marcgate savefile: {file}: {e.Message}");
            return ExitUsage;
        }
    }
}
