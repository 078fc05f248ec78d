using System.CommandLine;
using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary><c>marcgate dump [--strict] FILE…</c>: records as text, one field a line, with their diagnostics.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "ISO 2709 files to print", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Reject every record with a structural problem instead of recovering it" };
        var raw = new Option<bool>("--raw") { Description = "Show MARC-8 records as their bytes (\\xNN above 0x7F) instead of converting them to Unicode" };
        var command = new Command(
            "dump",
            "Print ISO 2709 records human-readably: the leader, then 'TAG II $a Value' lines (yaz-marcdump's layout), with each record's diagnostics.\n"
            + "MARC-8 records (leader/09 blank) are shown converted to Unicode unless --raw is given.")
        {
            files,
            strict,
            raw,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = parse.GetValue(strict) ? MarcReaderOptions.StrictDefault : MarcReaderOptions.Default;
            var exit = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    exit = Math.Max(exit, Dump(file, options, !parse.GetValue(raw), output));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"{file.FullName}: {e.Message}");
                    exit = 2;
                }
            }

            return exit;
        });
        return command;
    }

    private static int Dump(FileInfo file, MarcReaderOptions options, bool toUnicode, TextWriter output)
    {
        var exit = 0;
        using var reader = new Iso2709Reader(file.OpenRead(), options);
        while (reader.Read() is { } result)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine($"({file}: {diagnostic})");
            }

            if (result.Record is { } record)
            {
                if (toUnicode && !record.Leader.IsUnicode)
                {
                    var conversion = new List<MarcDiagnostic>();
                    record = MarcCharsetConverter.ToUnicode(record, conversion, result.RecordNumber);
                    foreach (var diagnostic in conversion)
                    {
                        output.WriteLine($"({file}: {diagnostic})");
                    }
                }

                WriteRecord(record, output);
            }
            else
            {
                output.WriteLine($"({file}: record {result.RecordNumber} at byte {result.ByteOffset} rejected)");
            }

            output.WriteLine();
            exit = Math.Max(exit, result.HasErrors || result.Record is null ? 1 : 0);
        }

        foreach (var diagnostic in reader.EndDiagnostics)
        {
            output.WriteLine($"({file}: {diagnostic})");
            exit = Math.Max(exit, diagnostic.Severity == MarcSeverity.Error ? 1 : 0);
        }

        return exit;
    }

    /// <summary>The yaz-marcdump line format: leader; <c>001 value</c>; <c>245 10 $a Title $c Author</c>.</summary>
    internal static void WriteRecord(MarcRecord record, TextWriter output)
    {
        var unicode = record.Leader.IsUnicode;
        var line = new StringBuilder();
        output.WriteLine(Printable(record.Leader.ToString(), unicode: false));
        foreach (var field in record.Fields)
        {
            line.Clear().Append(field.Tag).Append(' ');
            if (field is ControlField control)
            {
                line.Append(Printable(control.Value, unicode));
            }
            else if (field is DataField data)
            {
                line.Append(Printable(data.Indicator1.ToString(), unicode)).Append(Printable(data.Indicator2.ToString(), unicode));
                foreach (var subfield in data.Subfields)
                {
                    line.Append(" $").Append(Printable(subfield.Code.ToString(), unicode)).Append(' ').Append(Printable(subfield.Value, unicode));
                }
            }

            output.WriteLine(line);
        }
    }

    // Control characters always, and MARC-8 bytes above 0x7F (not yet converted), are shown as \xNN.
    private static string Printable(string text, bool unicode)
    {
        var plain = true;
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7F || (!unicode && c > 0x7F))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7F || (!unicode && c > 0x7F))
            {
                escaped.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
