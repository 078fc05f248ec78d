namespace Marcgate.Gateway.Client;

/// <summary>One request as it goes on the wire, with where the password value lies so a transcript can mask it.</summary>
/// <param name="Bytes">The whole request: logon fields, the record and the optional EOT.</param>
/// <param name="PasswordOffset">Offset of the <c>P</c> field's value in <paramref name="Bytes"/>, or -1 when none was sent.</param>
/// <param name="PasswordLength">Byte length of the <c>P</c> field's value.</param>
public sealed record GatewayRequestBytes(byte[] Bytes, int PasswordOffset, int PasswordLength)
{
    /// <summary>A copy of the bytes with the password value replaced by asterisks.</summary>
    public byte[] Masked()
    {
        var copy = (byte[])Bytes.Clone();
        if (PasswordOffset >= 0)
        {
            copy.AsSpan(PasswordOffset, PasswordLength).Fill((byte)'*');
        }

        return copy;
    }
}
