using System.Globalization;
using Marcgate.Marc;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>Small UTF-8 bibliographic records, each with its own control number and OCLC number.</summary>
internal static class TestRecords
{
    public static MarcRecord Bibliographic(int number, string title = "How to program a computer")
    {
        var id = (63_111_000 + number).ToString(CultureInfo.InvariantCulture);
        return new MarcRecord(new Leader("00000nam a2200000 a 4500"),
        [
            new ControlField("001", "ocm" + id),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20240101120000.0"),
            new ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new DataField("029", '1', ' ', [new Subfield('a', "AU@"), new Subfield('b', "000012345678")]),
            new DataField("035", ' ', ' ', [new Subfield('a', "(OCoLC)" + id)]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('b', "eng"), new Subfield('c', "DLC")]),
            new DataField("245", '1', '0', [new Subfield('a', $"{title} {number}.")]),
            new DataField("938", ' ', ' ', [new Subfield('a', "YBP Library Services")]),
            new DataField("949", ' ', ' ', [new Subfield('a', "local note")]),
        ]);
    }

    public static MarcRecord Authority(int number) => new(new Leader("00000nz  a2200000n  4500"),
    [
        new ControlField("001", "n" + (80_000_000 + number).ToString(CultureInfo.InvariantCulture)),
        new ControlField("008", "800101n| azannaabn          |a aaa      "),
        new DataField("100", '1', ' ', [new Subfield('a', "Author, Test")]),
    ]);
}
