using System.Globalization;
using Marcgate.Export.SaveFile;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Export.Pipeline;

/// <summary>Builds the list of records to export from ISO 2709 files and the save file.</summary>
public static class ExportItems
{
    /// <summary>Every record of the files, numbered from <paramref name="firstNumber"/>; unreadable records become items with their reasons.</summary>
    /// <exception cref="IOException">A file cannot be opened.</exception>
    public static IEnumerable<ExportItem> FromFiles(IEnumerable<string> paths, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var number = firstNumber;
        foreach (var path in paths)
        {
            using var reader = new Iso2709Reader(File.OpenRead(path));
            foreach (var item in FromReader(reader, path, number))
            {
                number++;
                yield return item;
            }
        }
    }

    /// <summary>Every record a reader gives (of any format), numbered from <paramref name="firstNumber"/>; unreadable records become items with their reasons.</summary>
    /// <param name="reader">The records; left open.</param>
    /// <param name="path">The input's path, whose file name labels each item.</param>
    /// <param name="firstNumber">The number of the first item.</param>
    /// <exception cref="IOException">Reading failed.</exception>
    public static IEnumerable<ExportItem> FromReader(IMarcRecordReader reader, string path, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = firstNumber;
        while (reader.Read() is { } result)
        {
            var source = $"{Path.GetFileName(path)} record {result.RecordNumber.ToString(CultureInfo.InvariantCulture)}";
            var errors = result.Diagnostics.Where(d => d.Severity == MarcSeverity.Error).Select(d => d.ToString()).ToList();
            yield return result.Record is null
                ? new ExportItem(number++, source, null, errors.Count > 0 ? errors : ["the record cannot be read"])
                : new ExportItem(number++, source, result.Record, []);
        }
    }

    /// <summary>The flagged records of the save file.</summary>
    public static IEnumerable<ExportItem> Flagged(ISaveFileStore saveFile, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(saveFile);
        var number = firstNumber;
        foreach (var saved in saveFile.List(flaggedOnly: true))
        {
            var diagnostics = new List<MarcDiagnostic>();
            var record = Iso2709RecordParser.Parse(saved.Iso2709, MarcReaderOptions.Default, saved.Number, 0, diagnostics);
            var source = $"save file #{saved.Number.ToString(CultureInfo.InvariantCulture)}";
            yield return new ExportItem(number++, source, record, record is null ? [.. diagnostics.Select(d => d.ToString())] : []) { SaveFileNumber = saved.Number };
        }
    }
}
