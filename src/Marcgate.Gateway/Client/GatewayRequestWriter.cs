using System.Globalization;
using System.Text;

namespace Marcgate.Gateway.Client;

/// <summary>Builds the exporter's request of gateway §3: logon fields, one ISO 2709 record, optional EOT.</summary>
public static class GatewayRequestWriter
{
    /// <summary>The longest value the one-byte short length form can carry (gateway §3.2: 0xFF − 0x40).</summary>
    public const int MaxShortFormLength = 0xFF - 0x40;

    /// <summary>The end-of-transmission byte (gateway §3, §5).</summary>
    public const byte Eot = 0x00;

    /// <summary>Writes one request.</summary>
    /// <param name="logon">The fields to send; null members are left out (gateway §6: Send Logon ID / Send User ID off).</param>
    /// <param name="record">One ISO 2709 record, ending with 0x1D.</param>
    /// <param name="notifyHost">True to send EOT after the record (Notify Host before Disconnect, gateway §6).</param>
    /// <exception cref="ArgumentException">The record is empty or does not end with 0x1D.</exception>
    public static GatewayRequestBytes Write(GatewayLogon logon, ReadOnlySpan<byte> record, bool notifyHost)
    {
        ArgumentNullException.ThrowIfNull(logon);
        if (record.IsEmpty || record[^1] != 0x1D)
        {
            throw new ArgumentException("A gateway request carries one ISO 2709 record ending with the record terminator 0x1D (gateway §3.3).", nameof(record));
        }

        using var output = new MemoryStream(record.Length + 64);
        var passwordOffset = -1;
        var passwordLength = 0;

        // The order U, A, P is the desktop client's; hosts accept any order (gateway §3.1).
        WriteField(output, 'U', logon.UserId, out _);
        WriteField(output, 'A', logon.LogonId, out _);
        if (WriteField(output, 'P', logon.Password, out var valueOffset))
        {
            passwordOffset = valueOffset;
            passwordLength = Encoding.UTF8.GetByteCount(logon.Password!);
        }

        output.Write(record);
        if (notifyHost)
        {
            output.WriteByte(Eot);
        }

        return new GatewayRequestBytes(output.ToArray(), passwordOffset, passwordLength);
    }

    /// <summary>The length prefix for a value of this many bytes: short form up to 191, decimal otherwise (gateway §3.2 [decision]).</summary>
    public static byte[] EncodeLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length <= MaxShortFormLength
            ? [(byte)(0x40 + length)]
            : Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture));
    }

    private static bool WriteField(MemoryStream output, char tag, string? value, out int valueOffset)
    {
        valueOffset = -1;
        if (value is null)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        output.WriteByte((byte)tag);
        output.Write(EncodeLength(bytes.Length));
        valueOffset = (int)output.Position;
        output.Write(bytes);
        return true;
    }
}
