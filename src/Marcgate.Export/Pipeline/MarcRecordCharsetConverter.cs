using Marcgate.Export.Options;
using Marcgate.Marc;
using Marcgate.Marc.Charset;

namespace Marcgate.Export.Pipeline;

/// <summary>The export character set step with the MARC-8 code tables (<see cref="MarcCharsetConverter"/>).</summary>
/// <remarks>
/// To UTF-8, MARC-8 that no code table defines is an error: the record would reach the host with
/// replacement characters. To MARC-8, characters MARC-8 lacks are written as <c>&amp;#xXXXX;</c>, as
/// the LoC lossless conversion does.
/// </remarks>
public sealed class MarcRecordCharsetConverter : IRecordCharsetConverter
{
    /// <summary>The one instance; it holds no state.</summary>
    public static MarcRecordCharsetConverter Instance { get; } = new();

    /// <inheritdoc />
    public MarcRecord? Convert(MarcRecord record, ExportCharacterSet target, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(problems);
        if (target == ExportCharacterSet.Marc8)
        {
            return MarcCharsetConverter.ToMarc8(record);
        }

        var diagnostics = new List<MarcDiagnostic>();
        var unicode = MarcCharsetConverter.ToUnicode(record, diagnostics);
        var errors = diagnostics.Where(d => d.Severity == MarcSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            problems.Add("cannot be converted from MARC-8 to UTF-8:");
            problems.AddRange(errors.Select(e => $"  {e.Id}: {e.Message}"));
            return null;
        }

        return unicode;
    }
}
