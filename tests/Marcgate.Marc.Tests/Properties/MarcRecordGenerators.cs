using FsCheck;
using FsCheck.Fluent;

namespace Marcgate.Marc.Tests.Properties;

/// <summary>FsCheck generators for records as ISO 2709 can carry them (no structural characters in data).</summary>
public static class MarcRecordGenerators
{
    private static readonly char[] s_codes = [.. "abcdefghijklmnopqrstuvwxyz0123456789"];
    private static readonly char[] s_indicators = [.. " 0123456789abcdefghijklmnopqrstuvwxyz#|"];

    public static Arbitrary<MarcRecord> Records() =>
        (from unicode in Gen.Elements(true, false)
         from leader in LeaderGen(unicode)
         from fields in Gen.NonEmptyListOf(FieldGen(unicode, 60))
         select Build(leader, fields)).ToArbitrary();

    public static Arbitrary<OversizeRecord> Oversize() =>
        (from unicode in Gen.Elements(true, false)
         from leader in LeaderGen(unicode)
         from count in Gen.Choose(35, 60)
         from fields in Gen.ArrayOf(DataFieldGen(unicode, 400).Select(f => Pad(f, unicode)), count)
         select new OversizeRecord(Build(leader, fields))).ToArbitrary();

    private static MarcRecord Build(Leader leader, IEnumerable<MarcField> fields) => new(leader, fields);

    private static Gen<Leader> LeaderGen(bool unicode) =>
        from status in Gen.Elements('n', 'c', 'd', 'a', 'p')
        from type in Gen.Elements('a', 'c', 'g', 'j', 'z', 'x')
        from level in Gen.Elements('m', 's', 'a', ' ')
        from encoding in Gen.Elements(' ', '1', '7', 'I', 'K')
        select new Leader($"00000{status}{type}{level} {(unicode ? 'a' : ' ')}2200000{encoding}i 4500");

    private static Gen<MarcField> FieldGen(bool unicode, int maxValue) =>
        Gen.Frequency(
            (1, from tag in Gen.Choose(1, 9) from value in Text(unicode, maxValue, allowDelimiter: true) select (MarcField)new ControlField($"00{tag}", value)),
            (4, DataFieldGen(unicode, maxValue)));

    private static Gen<MarcField> DataFieldGen(bool unicode, int maxValue) =>
        from tag in Gen.OneOf(Gen.Choose(10, 999).Select(t => t.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), Gen.Elements("CAT", "LKR", "9XX"))
        from i1 in Indicator(unicode)
        from i2 in Indicator(unicode)
        from count in Gen.Choose(0, 8)
        from subfields in Gen.ArrayOf(SubfieldGen(unicode, maxValue / 4), count)
        select (MarcField)new DataField(tag, i1, i2, subfields);

    private static Gen<char> Indicator(bool unicode) =>
        unicode ? Gen.Frequency((9, Gen.Elements(s_indicators)), (1, Gen.Elements('á', 'η', 'Ж'))) : Gen.Elements(s_indicators);

    private static Gen<Subfield> SubfieldGen(bool unicode, int maxValue) =>
        from code in unicode ? Gen.Frequency((19, Gen.Elements(s_codes)), (1, Gen.Elements('η', '\uFFFD'))) : Gen.Elements(s_codes)
        from value in Text(unicode, maxValue, allowDelimiter: false)
        select new Subfield(code, value);

    // Unicode records: any BMP scalar value; MARC-8 records: one byte per char. Never 0x1D/0x1E (nor 0x1F in subfields).
    private static Gen<string> Text(bool unicode, int max, bool allowDelimiter) =>
        from length in Gen.Choose(0, max)
        from chars in Gen.ArrayOf(CharGen(unicode, allowDelimiter), length)
        select new string(chars);

    private static Gen<char> CharGen(bool unicode, bool allowDelimiter) =>
        Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
            (2, Gen.Choose(0x80, 0xFF).Select(c => (char)c)),
            (1, Gen.Choose(0, 0x1F).Where(c => c is not (0x1D or 0x1E) && (allowDelimiter || c != 0x1F)).Select(c => (char)c)),
            (unicode ? 2 : 0, Gen.Choose(0x100, 0xFFFD).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c)));

    // Oversize records need big fields: one subfield of several thousand bytes, still under 9,999.
    private static MarcField Pad(MarcField field, bool unicode) => field is DataField data
        ? new DataField(data.Tag, data.Indicator1, data.Indicator2, [.. data.Subfields, new Subfield('z', new string(unicode ? 'ж' : 'x', 3000))])
        : field;
}
