using System.Globalization;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>Small UTF-8 bibliographic records for the save file, each with its own OCLC number.</summary>
internal static class CatalogingRecords
{
    public static MarcRecord Bibliographic(int number, bool withTitle = true)
    {
        var id = (63_111_000 + number).ToString(CultureInfo.InvariantCulture);
        List<MarcField> fields =
        [
            new ControlField("001", "ocm" + id),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20240101120000.0"),
            new ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new DataField("035", ' ', ' ', [new Subfield('a', "(OCoLC)" + id)]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('b', "eng"), new Subfield('c', "DLC")]),
        ];
        if (withTitle)
        {
            fields.Add(new DataField("245", '1', '0', [new Subfield('a', $"How to program a computer {number}.")]));
        }

        fields.Add(new DataField("938", ' ', ' ', [new Subfield('a', "YBP Library Services")]));
        return new MarcRecord(new Leader("00000nam a2200000 a 4500"), fields);
    }

    /// <summary>The records as one ISO 2709 file.</summary>
    public static byte[] File(params MarcRecord[] records) => [.. records.SelectMany(Iso2709Writer.Write)];
}
