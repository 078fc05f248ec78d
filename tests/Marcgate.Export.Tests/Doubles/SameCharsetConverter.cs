using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>Passes records already in the target character set; the transport tests do not convert.</summary>
internal sealed class SameCharsetConverter : IRecordCharsetConverter
{
    public MarcRecord? Convert(MarcRecord record, ExportCharacterSet target, List<string> problems)
    {
        if (record.Leader.IsUnicode == (target == ExportCharacterSet.Utf8))
        {
            return record;
        }

        problems.Add("test double: no conversion");
        return null;
    }
}
