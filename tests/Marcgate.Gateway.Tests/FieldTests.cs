using static Marcgate.Gateway.Tests.Requests;

namespace Marcgate.Gateway.Tests;

/// <summary>Gateway §3, §3.1 and §3.2: fields, their order, their two length forms and the decimal ambiguity.</summary>
public sealed class FieldTests
{
    private static byte[] Record => RequestVectors.SampleRecord;

    [Theory]
    [InlineData("UCabcABfgPChij")]
    [InlineData("PChijUCabcABfg")]
    [InlineData("ABfgPChijUCabc")]
    [InlineData("  UCabc   ABfg PChij   ")]
    public void S3_fields_come_in_any_order_with_spaces(string prefix)
    {
        var request = ReadComplete(Concat(Ascii(prefix), Record));
        Assert.Equal(("fg", "hij", "abc"), (request.LogonId, request.Password, request.UserId));
        Assert.Equal("fg", request.EffectiveLogonId);
        Assert.Equal("abc", request.ExportingUserId);
    }

    [Fact]
    public void S3_1_a_repeated_tag_is_a_bad_request_even_before_the_record_arrives()
    {
        var result = Read(Ascii("PBpwABNZPBxx"));
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
        Assert.Contains("P field at byte 8", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_1_U_without_A_is_the_logon_ID_and_not_the_exporting_user()
    {
        var request = ReadComplete(Concat(Ascii("UBNZPBpw"), Record));
        Assert.Equal("NZ", request.EffectiveLogonId);
        Assert.Null(request.ExportingUserId);
    }

    [Theory]
    [InlineData(0x40, 0)]
    [InlineData(0x41, 1)]
    [InlineData(0x7E, 62)]
    [InlineData(0x7F, 63)]
    [InlineData(0x80, 64)]
    [InlineData(0xFF, 191)]
    public void S3_2_short_form_length_is_the_byte_minus_0x40(int lengthByte, int length)
    {
        var value = new string('v', length);
        var request = ReadComplete(Concat([(byte)'A', (byte)lengthByte], Ascii(value), Record));
        Assert.Equal(value, request.LogonId);
    }

    [Fact]
    public void S3_2_decimal_zero_is_an_empty_value()
    {
        var request = ReadComplete(Concat(Ascii("A2NZP0"), Record));
        Assert.Equal("", request.Password);
    }

    [Fact]
    public void S3_2_decimal_form_longer_than_191_bytes()
    {
        var value = new string('x', 300);
        var request = ReadComplete(Concat(Ascii("A300" + value + "P2pw"), Record));
        Assert.Equal(value, request.LogonId);
    }

    [Theory]
    [InlineData("A1501CARLI_NETWORKP6secret", "01CARLI_NETWORK", "secret")]
    [InlineData("A301XP2pw", "01X", "pw")]
    [InlineData("A100123456789P2pw", "0123456789", "pw")]
    [InlineData("P100123456789A2NZ", "NZ", "0123456789")]
    [InlineData("A12003000000000P2pw", "003000000000", "pw")]
    [InlineData("A501CARP10", "01CAR", "0")]
    public void S3_2_digit_leading_values_take_the_shortest_split_after_which_the_rest_reads(string prefix, string logon, string password)
    {
        var bytes = Concat(Ascii(prefix), Record);
        var request = ReadComplete(bytes);
        Assert.Equal((logon, password), (request.LogonId, request.Password));
        Assert.Equal(ReadTranscript.Whole(bytes), ReadTranscript.ByteByByte(bytes));
    }

    [Fact]
    public void S3_2_a_digit_leading_value_right_before_the_record_splits_where_a_plausible_record_starts()
    {
        // "A2" + "01" leaves "00254…", a record; "A20" would leave "1002…" whose length is not the record's.
        var request = ReadComplete(Concat(Ascii("A201"), Record));
        Assert.Equal("01", request.LogonId);
        Assert.Equal(254, request.Record.Length);
    }

    [Fact]
    public void S3_2_the_shortest_split_waits_for_its_bytes_before_a_longer_one_is_taken()
    {
        // With only "A1501CA" the split 15 cannot be judged yet; the reader must wait, not guess 150 or 1501.
        Assert.Equal(GatewayReadStatus.NeedMoreData, Read(Ascii("A1501CA")).Status);
    }

    [Fact]
    public void S3_2_no_split_that_reads_is_a_bad_request_naming_the_digits()
    {
        var result = Read(Concat(Ascii("A15!!"), new byte[20], Record), GatewayInput.Ended);
        Assert.Equal(GatewayReadStatus.Invalid, result.Status);
        Assert.Contains("'15'", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_2_a_length_byte_that_is_neither_form_is_a_bad_request()
    {
        var result = Read(Concat(Ascii("A;NZ"), Record));
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
        Assert.Contains("0x3B ';'", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_values_that_are_not_UTF8_are_read_as_single_byte_text()
    {
        var request = ReadComplete(Concat(Ascii("ABNZPCp"), [0xE9, 0x77], Record));
        Assert.Equal("p\u00e9w", request.Password);
    }

    [Fact]
    public void S3_values_in_UTF8_are_decoded()
    {
        var request = ReadComplete(Concat(Ascii("ABNZPC"), [0xC3, 0xA9, 0x77], Record));
        Assert.Equal("\u00e9w", request.Password);
    }

    [Fact]
    public void S3_the_password_never_appears_in_the_request_text()
    {
        var request = ReadComplete(Concat(Ascii("ABNZPHhunter22"), Record));
        Assert.DoesNotContain("hunter2", request.ToString(), StringComparison.Ordinal);
    }
}
