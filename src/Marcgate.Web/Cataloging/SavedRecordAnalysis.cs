using System.Text;
using Marcgate.Catalog.Matching;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.SaveFile;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Mnemonic;
using Marcgate.Validation;

namespace Marcgate.Web.Cataloging;

/// <summary>What the save file pages show of a record: its list line, its MARC display with the validator's findings beside each line, and the reading of edited MARC text.</summary>
internal static class SavedRecordAnalysis
{
    public static MarcRecord? Read(SavedRecord saved, List<MarcDiagnostic> diagnostics) =>
        Iso2709RecordParser.Parse(saved.Iso2709, MarcReaderOptions.Default, saved.Number, 0, diagnostics);

    /// <summary>The list line: validation as the export would do it (after Fields to Delete, at the level for the record's type).</summary>
    public static SaveFileRow Row(SavedRecord saved, ExportOptions options)
    {
        var diagnostics = new List<MarcDiagnostic>();
        var record = Read(saved, diagnostics);
        if (record is null)
        {
            return new SaveFileRow(saved.Number, saved.Title, null, ' ', ' ', saved.Flagged, false, "cannot be read", saved.LastExport);
        }

        var preparer = new RecordPreparer(options, MarcValidator.Instance, MarcRecordCharsetConverter.Instance);
        var level = preparer.LevelFor(record).ToString().ToLowerInvariant();
        var problems = new List<string>();
        var valid = preparer.Prepare(record, problems) is not null;
        var errors = problems.Count(p => p.StartsWith("  ", StringComparison.Ordinal));
        var status = valid
            ? (level == "none" ? "not validated" : $"valid ({level})")
            : errors > 0 ? $"{errors} error{(errors == 1 ? string.Empty : "s")} ({level})" : problems.FirstOrDefault() ?? "cannot be exported";
        return new SaveFileRow(saved.Number, saved.Title, RecordOclcNumbers.From(record).Primary?.ToString(), record.Leader.EncodingLevel, record.Leader.TypeOfRecord, saved.Flagged, valid, status, saved.LastExport);
    }

    /// <summary>The level records are checked at on the record page: the export's level for the record's type, or full when the export does not validate.</summary>
    public static ValidationLevel LevelFor(MarcRecord record, ExportOptions options)
    {
        var level = new RecordPreparer(options, MarcValidator.Instance, MarcRecordCharsetConverter.Instance).LevelFor(record);
        return level == ValidationLevel.None ? ValidationLevel.Full : level;
    }

    /// <summary>The record as MARC text lines, each with the findings about its field; findings about no field come apart.</summary>
    public static (IReadOnlyList<RecordLine> Lines, IReadOnlyList<string> RecordFindings) Display(MarcRecord record, ValidationLevel level)
    {
        var text = MnemonicWriter.ToText(record);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var findings = lines.Select(_ => new List<string>()).ToList();
        var apart = new List<string>();
        foreach (var diagnostic in MarcValidator.Instance.Validate(record, level))
        {
            var message = $"{(diagnostic.Severity == ValidationSeverity.Error ? "error" : "warning")} {diagnostic.Id}: {diagnostic.Message}";
            var index = LineOf(lines, diagnostic.Tag, diagnostic.Occurrence);
            if (index >= 0)
            {
                findings[index].Add(message);
            }
            else
            {
                apart.Add(diagnostic.Tag is null ? message : $"{diagnostic.Tag}: {message}");
            }
        }

        return ([.. lines.Select((l, i) => new RecordLine(l, findings[i]))], apart);
    }

    /// <summary>Reads edited MARC text (<c>.mrk</c>): one record, or the reasons it does not parse, each with its line.</summary>
    public static MarcRecord? ParseText(string text, out List<string> problems)
    {
        problems = [];
        var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
        MarcRecord? record = null;
        var count = 0;
        foreach (var result in MnemonicReader.ReadAll(bytes, MarcReaderOptions.Default))
        {
            count++;
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == MarcSeverity.Error))
            {
                problems.Add($"line {LineAt(bytes, diagnostic.ByteOffset)}: {diagnostic.Id}: {diagnostic.Message}");
            }

            record ??= result.Record;
        }

        if (count == 0)
        {
            problems.Add("the text holds no record; it starts with a =LDR line");
        }
        else if (count > 1)
        {
            problems.Add($"the text holds {count} records; edit one at a time");
        }

        if (record is not null && problems.Count == 0)
        {
            try
            {
                Iso2709Writer.Write(record);
            }
            catch (MarcFormatException e)
            {
                problems.Add("cannot be saved as MARC: " + e.Message);
            }
        }

        return problems.Count == 0 ? record : null;
    }

    private static int LineOf(List<string> lines, string? tag, int occurrence)
    {
        if (tag is null)
        {
            return -1;
        }

        var prefix = tag is "000" or "LDR" ? "=LDR" : "=" + tag;
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith(prefix, StringComparison.Ordinal) && ++seen >= Math.Max(occurrence, 1))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LineAt(byte[] bytes, long offset)
    {
        var line = 1;
        for (var i = 0; i < Math.Min(offset, bytes.Length); i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
