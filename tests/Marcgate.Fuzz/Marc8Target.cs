using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Charset;

namespace Marcgate.Fuzz;

/// <summary>MARC-8 to Unicode as the import does it: a value alone, and a MARC-8 record's fields; then back to MARC-8.</summary>
/// <remarks>The first byte chooses the options (bit 0: decode the Innovative Interfaces additions); the rest is MARC-8.</remarks>
internal sealed class Marc8Target : FuzzTarget
{
    private const string OracleLines = "testdata/marc/marc8-oracle/test_marc8.txt";

    public override string Name => "marc8";

    public override string Description => "MARC-8 bytes to NFC Unicode (a value and a record's fields), and the text back to MARC-8";

    // Five passes over the input (two decodes, each reporting every invalid byte with a message of its own; two
    // encodes, each writing a character MARC-8 lacks as an 8-character reference; a copy): measured linear at about
    // 1,450 bytes per input byte on invalid input (Marcgate.Fuzz measure).
    public override long AllocationPerInputByte => 2_500;

    public override IEnumerable<string> SeedSources =>
        [OracleLines, "testdata/marc/valid/marc8.dat", "testdata/marc/valid/diacritic.dat", "testdata/marc/invalid/bad_marc8_escape.dat"];

    // One seed per line of the oracle (one field value each), the others whole; each behind the options byte.
    public override IEnumerable<byte[]> SeedsFrom(string path, byte[] content)
    {
        if (!path.Replace('\\', '/').EndsWith(OracleLines, StringComparison.Ordinal))
        {
            return [[1, .. content]];
        }

        var seeds = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                if (i > start)
                {
                    seeds.Add([1, .. content.AsSpan(start, i - start)]);
                }

                start = i + 1;
            }
        }

        return seeds;
    }

    protected override void Execute(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var innovative = (input[0] & 1) != 0;
        var marc8 = input[1..];
        var diagnostics = new List<MarcDiagnostic>();
        var text = MarcCharsetConverter.Marc8ToUnicode(marc8, diagnostics, 1, innovative);
        if (!MarcCharsetConverter.UnicodeToMarc8(text).All(c => c <= '\u00FF'))
        {
            throw new FuzzFinding("marc8: the encoder wrote a character that is not one byte");
        }

        // A MARC-8 record (leader/09 blank) holds bytes as U+0000-U+00FF: a control field, and a data field whose
        // subfields are the input cut at each 0x1F.
        var value = Encoding.Latin1.GetString(marc8);
        var subfields = value.Split('\u001F').Select(s => new Subfield(s.Length > 0 ? s[0] : 'a', s.Length > 1 ? s[1..] : string.Empty));
        var record = new MarcRecord(new Leader("00000nam  2200000   4500"), [new ControlField("008", value), new DataField("245", '1', '0', subfields)]);
        var unicode = MarcCharsetConverter.ToUnicode(record, diagnostics, 1, innovative);
        _ = MarcCharsetConverter.ToMarc8(unicode);
    }
}
