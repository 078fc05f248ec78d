using Marcgate.Export.Options;
using Marcgate.Marc;

namespace Marcgate.Export.Pipeline;

/// <summary>Moves a record into the export character set (leader/09 <c>a</c> for UTF-8, blank for MARC-8).</summary>
public interface IRecordCharsetConverter
{
    /// <summary>The record in the target character set, or null with the reasons it cannot be converted.</summary>
    MarcRecord? Convert(MarcRecord record, ExportCharacterSet target, List<string> problems);
}
