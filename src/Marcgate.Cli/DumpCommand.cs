using System.CommandLine;
using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary><c>marcgate dump [--strict] FILE…</c>: records as text, one field a line, with their diagnostics.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to print (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Reject every record with a structural problem instead of recovering it" };
        var raw = new Option<bool>("--raw") { Description = "Show MARC-8 records as their bytes (\\xNN above 0x7F) instead of converting them to Unicode" };
        var from = RecordInput.FromOption();
        var command = new Command(
            "dump",
            "Print MARC records human-readably: the leader, then 'TAG II $a Value' lines (yaz-marcdump's layout), with each record's diagnostics.\n"
            + "MARC-8 records (leader/09 blank) are shown converted to Unicode unless --raw is given; the leader is shown as stored,\n"
            + "followed by 'LDR (as converted: …)' when conversion (or reading's repair of leader/10-11, 20-22) changes it.")
        {
            files,
            strict,
            raw,
            from,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = parse.GetValue(strict) ? MarcReaderOptions.StrictDefault : MarcReaderOptions.Default;
            if (!RecordInput.TryParseFrom(parse.GetValue(from), out var format, out var problem))
            {
                error.WriteLine($"marcgate dump: {problem}");
                return ExitCodes.Usage;
            }

            var exit = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!RecordInput.TryOpen(file, format, "dump", error, out var input))
                {
                    exit = ExitCodes.Usage;
                    continue;
                }

                try
                {
                    using var opened = input;
                    exit = Math.Max(exit, Dump(input, options, !parse.GetValue(raw), output));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"marcgate dump: {file}: cannot read: {e.Message}");
                    exit = ExitCodes.Usage;
                }
            }

            return exit;
        });
        return command;
    }

    private static int Dump(RecordInput input, MarcReaderOptions options, bool toUnicode, TextWriter output)
    {
        var exit = 0;
        var file = input.Name;
        using var reader = input.OpenReader(options);
        while (Next(reader, out var stored) is { } result)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine($"({file}: {diagnostic})");
            }

            if (result.Record is { } record)
            {
                var converted = false;
                if (toUnicode && !record.Leader.IsUnicode)
                {
                    var conversion = new List<MarcDiagnostic>();
                    record = MarcCharsetConverter.ToUnicode(record, conversion, result.RecordNumber);
                    converted = true;
                    foreach (var diagnostic in conversion)
                    {
                        output.WriteLine($"({file}: {diagnostic})");
                    }
                }

                WriteRecord(record, output, stored, converted ? "as converted" : "as read");
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

    // ISO 2709 records are framed first, to show the leader as the file holds it: reading may assume
    // leader/10-11 and 20-22 (MARC010), conversion sets leader/09.
    private static MarcReadResult? Next(IMarcRecordReader reader, out string? stored)
    {
        stored = null;
        if (reader is not Iso2709Reader frames)
        {
            return reader.Read();
        }

        if (frames.ReadFrame() is not { } frame)
        {
            return null;
        }

        stored = frame.Bytes.Length >= Leader.Length ? Encoding.Latin1.GetString(frame.Bytes.Span[..Leader.Length]) : null;
        return frame.Parse();
    }

    /// <summary>The yaz-marcdump line format: leader; <c>001 value</c>; <c>245 10 $a Title $c Author</c>.</summary>
    /// <remarks>
    /// The leader line shows <paramref name="storedLeader"/>, the leader as the input holds it; when the record's
    /// leader differs, a second line <c>LDR (as converted: …)</c> shows what reading or conversion made of it.
    /// </remarks>
    internal static void WriteRecord(MarcRecord record, TextWriter output, string? storedLeader = null, string change = "as converted")
    {
        var unicode = record.Leader.IsUnicode;
        var line = new StringBuilder();
        var leader = record.Leader.ToString();
        output.WriteLine(Printable(storedLeader ?? leader, unicode: false));
        if (storedLeader is not null && !string.Equals(storedLeader, leader, StringComparison.Ordinal))
        {
            output.WriteLine($"LDR ({change}: {Printable(leader, unicode: false)})");
        }

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
