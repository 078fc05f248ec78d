using static Marcgate.Gateway.Tests.Requests;

namespace Marcgate.Gateway.Tests;

/// <summary>Gateway §2: the two dialects, told apart by the first byte; Telnet negotiation skipped.</summary>
public sealed class DialectTests
{
    [Fact]
    public void S2_a_leading_digit_is_a_raw_record()
    {
        var request = ReadComplete(RequestVectors.SampleRecord);
        Assert.Equal(GatewayDialect.Raw, request.Dialect);
        Assert.Null(request.EffectiveLogonId);
    }

    [Fact]
    public void S2_a_logon_field_makes_the_gateway_dialect()
    {
        var request = ReadComplete(Concat(Ascii("ABNZ"), RequestVectors.SampleRecord));
        Assert.Equal(GatewayDialect.Gateway, request.Dialect);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xFD, 0x03, 0xFF, 0xFC, 0x18, 0xFF, 0xFE, 0x1F })]
    [InlineData(new byte[] { 0xFF, 0xF1 })]
    [InlineData(new byte[] { 0xFF, 0xFA, 0x18, 0x00, 0x41, 0xFF, 0xF0 })]
    public void S2_telnet_negotiation_before_the_record_is_skipped(byte[] negotiation)
    {
        var request = ReadComplete(Concat(negotiation, RequestVectors.SampleRecord));
        Assert.Equal(GatewayDialect.Raw, request.Dialect);
        Assert.Equal(RequestVectors.SampleRecord, request.Record.ToArray());
    }

    [Fact]
    public void S2_telnet_negotiation_before_logon_fields_is_skipped()
    {
        var request = ReadComplete(Concat([0xFF, 0xFB, 0x01], Ascii("ABNZPBpw"), RequestVectors.SampleRecord));
        Assert.Equal("NZ", request.LogonId);
    }

    [Fact]
    public void S2_an_IAC_without_a_command_is_a_bad_request()
    {
        var result = Read(Concat([0xFF, 0x41], RequestVectors.SampleRecord));
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
        Assert.Contains("byte 1", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S2_any_other_first_byte_is_a_bad_request_naming_the_byte()
    {
        var result = Read(Ascii("GET / HTTP/1.0\r\n\r\n"));
        Assert.Equal(GatewayReadStatus.Invalid, result.Status);
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
        Assert.Contains("0x47 'G'", result.ErrorMessage, StringComparison.Ordinal);
    }
}
