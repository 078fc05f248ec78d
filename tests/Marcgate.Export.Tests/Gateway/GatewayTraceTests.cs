using System.Text;
using Marcgate.Export.Gateway;
using Marcgate.Gateway.Client;

namespace Marcgate.Export.Tests.Gateway;

public sealed class GatewayTraceTests
{
    private static readonly byte[] s_record = Encoding.ASCII.GetBytes("00026nam a2200025 a 4500\u001E\u001D");

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(30)]
    [InlineData(200)]
    public void A_password_of_any_length_is_written_as_P_and_five_stars(int length)
    {
        var password = new string('s', length);
        var request = GatewayRequestWriter.Write(new GatewayLogon("01CARLI_NETWORK", password, null), s_record, notifyHost: true);

        var line = GatewayTrace.Mask(request);

        Assert.StartsWith("AO01CARLI_NETWORKP*****00026nam", line, StringComparison.Ordinal);
        Assert.EndsWith("<1E><1D><00>", line, StringComparison.Ordinal);
        Assert.DoesNotContain(password, line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_password_is_masked_the_same_way()
    {
        var request = GatewayRequestWriter.Write(new GatewayLogon("X", string.Empty, null), s_record, notifyHost: false);

        Assert.StartsWith("AAXP*****00026", GatewayTrace.Mask(request), StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_a_password_is_written_as_is()
    {
        var request = GatewayRequestWriter.Write(new GatewayLogon(null, null, "100-123-456"), s_record, notifyHost: false);

        Assert.StartsWith("UK100-123-45600026", GatewayTrace.Mask(request), StringComparison.Ordinal);
    }

    [Fact]
    public void The_transcript_line_of_a_sent_request_carries_the_mask()
    {
        var text = new StringWriter();
        using (var trace = new GatewayTrace(text))
        {
            trace.Sent(GatewayRequestWriter.Write(new GatewayLogon("A1", "hunter2", null), s_record, notifyHost: true));
        }

        Assert.Contains(" C> ABA1P*****00026", text.ToString(), StringComparison.Ordinal);
    }
}
