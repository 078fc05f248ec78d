using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Messages about leader positions and directory entries name the bytes and the value found, and point at them.</summary>
public sealed class DiagnosticMessageTests
{
    private static readonly MarcRecord s_first = new(new Leader("00000nam a2200000 a 4500"), [new ControlField("001", "first")]);
    private static readonly MarcRecord s_second = new(new Leader("00000nam a2200000 a 4500"), [new ControlField("001", "second"), new DataField("245", '1', '0', [new Subfield('a', "Two")])]);

    [Fact]
    public void A_wrong_entry_map_names_its_byte_the_value_and_the_expected_value()
    {
        var first = Iso2709Writer.Write(s_first);
        var second = Iso2709Writer.Write(s_second);
        second[20] = (byte)'5';

        var result = Iso2709Reader.ReadAll([.. first, .. second], MarcReaderOptions.Default).ElementAt(1);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.LeaderDefaultsAssumed, diagnostic.Id);
        Assert.Equal($"leader/20 (byte 20 of the record at offset {first.Length}) is '5', expected '4'; assumed indicator count 2, subfield code length 2 and entry map 450", diagnostic.Message);
        Assert.Equal(first.Length + 20, diagnostic.ByteOffset);
    }

    [Fact]
    public void Several_wrong_leader_positions_are_each_named_and_the_diagnostic_points_at_the_first()
    {
        var bytes = Iso2709Writer.Write(s_second);
        bytes[11] = (byte)'1';
        bytes[22] = (byte)'x';

        var diagnostic = Assert.Single(Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default)).Diagnostics);

        Assert.Equal("leader/11 (byte 11 of the record at offset 0) is '1', expected '2'; leader/22 (byte 22) is 'x', expected '0'; assumed indicator count 2, subfield code length 2 and entry map 450", diagnostic.Message);
        Assert.Equal(11, diagnostic.ByteOffset);
    }

    [Fact]
    public void A_wrong_base_address_names_its_bytes_and_value()
    {
        var first = Iso2709Writer.Write(s_first);
        var second = Iso2709Writer.Write(s_second);
        "00099"u8.CopyTo(second.AsSpan(12));

        var diagnostic = Assert.Single(Iso2709Reader.ReadAll([.. first, .. second], MarcReaderOptions.Default).ElementAt(1).Diagnostics);

        Assert.Equal(MarcDiagnosticIds.BaseAddressInvalid, diagnostic.Id);
        Assert.StartsWith($"leader/12-16 (bytes 12-16 of the record at offset {first.Length}) is '00099', but the directory ends at byte 48;", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(first.Length + 12, diagnostic.ByteOffset);
    }

    [Fact]
    public void An_unreadable_directory_entry_names_its_bytes_and_value()
    {
        var bytes = Iso2709Writer.Write(s_second);
        "0x07"u8.CopyTo(bytes.AsSpan(36 + 3));

        var diagnostic = Assert.Single(Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default)).Diagnostics);

        Assert.Equal(MarcDiagnosticIds.DirectoryEntryInvalid, diagnostic.Id);
        Assert.StartsWith("directory entry 2 (bytes 36-47 of the record at offset 0) for tag '245' has non-digits in its length or start: '0x0700007'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(36, diagnostic.ByteOffset);
    }
}
