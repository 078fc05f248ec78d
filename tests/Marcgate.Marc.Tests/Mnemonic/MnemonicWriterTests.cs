using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Tests.Formats;

namespace Marcgate.Marc.Tests.Mnemonic;

public sealed class MnemonicWriterTests
{
    [Fact]
    public void A_backslash_in_data_is_bsol_everywhere_and_reads_back_as_a_backslash()
    {
        // MARCMaker readers take a bare \ anywhere on a line for a blank (MARC::File::MARCMaker: s/\\/ /g).
        var record = new MarcRecord(fields:
        [
            new ControlField("001", @"a\b"),
            new DataField("050", ' ', '4', [new Subfield('a', @"PL\517\.K52"), new Subfield('\\', "code")]),
        ]);
        var text = MnemonicWriter.ToText(record);
        Assert.Contains("=001  a{bsol}b\r\n", text, StringComparison.Ordinal);
        Assert.Contains(@"=050  \4$aPL{bsol}517{bsol}.K52$\code", text, StringComparison.Ordinal);
        var back = Read.Records(MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text), MarcReaderOptions.StrictDefault)).Single();
        RecordAssert.Equal(record, back, compareLeader: false);
    }

    [Fact]
    public void A_marc8_leader_over_utf8_text_is_written_as_that_text_and_reads_back_to_the_same_bytes()
    {
        // FSL.marc: leader/09 blank, Cyrillic in UTF-8 (conversion reads it as UTF-8, MARC013).
        var record = Read.Iso2709(Read.Corpus("valid/FSL.marc"))[0];
        Assert.False(record.Leader.IsUnicode);
        var text = MnemonicWriter.ToText(record);
        Assert.DoesNotContain("{$", text, StringComparison.Ordinal);
        Assert.Contains("Вершигора", text, StringComparison.Ordinal);
        var back = Read.Records(MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text))).Single();
        RecordAssert.Equal(record, back);
    }
}
