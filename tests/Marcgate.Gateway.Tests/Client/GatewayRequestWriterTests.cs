using System.Text;
using System.Text.Json;
using Marcgate.Gateway.Client;
using Marcgate.Tests;

namespace Marcgate.Gateway.Tests.Client;

public sealed class GatewayRequestWriterTests
{
    private static readonly byte[] s_record = RecordFromVectors();

    [Fact]
    public void Short_form_request_matches_the_spec_vector_byte_for_byte()
    {
        // requests.json "short lengths, A then P" is what a desktop client sends (gateway §3.2 short form).
        var vector = Vector("short lengths, A then P");
        var request = GatewayRequestWriter.Write(new GatewayLogon("01CARLI_NETWORK", "secret", null), s_record, notifyHost: false);
        Assert.Equal(vector, request.Bytes);
    }

    [Fact]
    public void Notify_host_appends_one_EOT_after_the_record()
    {
        var vector = Vector("short lengths with EOT");
        var request = GatewayRequestWriter.Write(new GatewayLogon("01CARLI_NETWORK", "secret", null), s_record, notifyHost: true);
        Assert.Equal(vector, request.Bytes);
        Assert.Equal(0, request.Bytes[^1]);
        Assert.Equal(0x1D, request.Bytes[^2]);
    }

    [Fact]
    public void No_logon_sends_the_record_alone_for_raw_hosts()
    {
        // gateway §2 raw dialect / §6 Send Logon ID off.
        var request = GatewayRequestWriter.Write(GatewayLogon.None, s_record, notifyHost: false);
        Assert.Equal(s_record, request.Bytes);
        Assert.Equal(-1, request.PasswordOffset);
    }

    [Fact]
    public void User_id_goes_first_as_a_U_field()
    {
        var request = GatewayRequestWriter.Write(new GatewayLogon(null, null, "100-123-456"), s_record, notifyHost: false);
        Assert.Equal("UK100-123-456", Encoding.ASCII.GetString(request.Bytes, 0, 13));
    }

    [Theory]
    [InlineData(0, "@")]
    [InlineData(1, "A")]
    [InlineData(62, "~")]
    [InlineData(63, "\u007f")]
    public void Short_lengths_follow_gateway_3_2(int length, string expected)
    {
        Assert.Equal(Encoding.Latin1.GetBytes(expected), GatewayRequestWriter.EncodeLength(length));
    }

    [Fact]
    public void Length_191_is_the_last_short_form_and_192_is_decimal()
    {
        Assert.Equal([0xFF], GatewayRequestWriter.EncodeLength(191));
        Assert.Equal("192"u8.ToArray(), GatewayRequestWriter.EncodeLength(192));
    }

    [Fact]
    public void A_long_logon_id_is_sent_in_decimal_form()
    {
        var logon = new string('X', 200);
        var request = GatewayRequestWriter.Write(new GatewayLogon(logon, null, null), s_record, notifyHost: false);
        Assert.Equal("A200" + logon, Encoding.ASCII.GetString(request.Bytes, 0, 204));
        Assert.Equal(s_record, request.Bytes[204..]);
    }

    [Fact]
    public void Masked_copy_hides_only_the_password_value()
    {
        var request = GatewayRequestWriter.Write(new GatewayLogon("01CARLI_NETWORK", "hunter2", null), s_record, notifyHost: true);
        var masked = Encoding.Latin1.GetString(request.Masked());
        Assert.DoesNotContain("hunter2", masked, StringComparison.Ordinal);
        Assert.StartsWith("AO01CARLI_NETWORKPG*******", masked, StringComparison.Ordinal);
        Assert.Contains("hunter2", Encoding.Latin1.GetString(request.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_its_terminator_is_refused()
    {
        Assert.Throws<ArgumentException>(() => GatewayRequestWriter.Write(GatewayLogon.None, s_record[..^1], notifyHost: false));
    }

    private static byte[] Vector(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestFiles.Gateway("requests.json")));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            if (vector.GetProperty("name").GetString() == name)
            {
                return Convert.FromHexString(vector.GetProperty("hex").GetString()!);
            }
        }

        throw new InvalidOperationException($"vector '{name}' not in requests.json");
    }

    private static byte[] RecordFromVectors()
    {
        var bytes = Vector("short lengths, A then P");
        var start = Array.IndexOf(bytes, (byte)'0', 2 + 15 + 2 + 6);
        return bytes[start..];
    }
}
