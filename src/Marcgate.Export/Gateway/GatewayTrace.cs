using System.Globalization;
using System.Text;
using Marcgate.Gateway.Client;

namespace Marcgate.Export.Gateway;

/// <summary>The byte transcript of <c>--trace FILE</c>: every byte sent and received, the password masked.</summary>
/// <remarks>
/// One line per event: time, direction (<c>C&gt;</c> client to host, <c>S&gt;</c> host to client, <c>--</c> a note),
/// then the bytes: printable ASCII as is, everything else (and <c>&lt;</c>) as <c>&lt;XX&gt;</c> hex.
/// A password field is written as <c>P*****</c> whatever its value: neither its length prefix nor the
/// number of stars says how long the password is.
/// </remarks>
public sealed class GatewayTrace : IDisposable
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a trace writing to a text writer, which it then owns.</summary>
    public GatewayTrace(TextWriter writer, TimeProvider? time = null)
    {
        _writer = writer;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>What a transcript shows in place of a password field's length and value.</summary>
    public const string PasswordMask = "*****";

    /// <summary>Records bytes the client sent; pass them already masked.</summary>
    public void Sent(ReadOnlySpan<byte> bytes) => Write("C>", Escape(bytes));

    /// <summary>Records a request the client sent, its password field shown as <c>P*****</c>.</summary>
    public void Sent(GatewayRequestBytes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Write("C>", Mask(request));
    }

    /// <summary>Records bytes the host sent.</summary>
    public void Received(ReadOnlySpan<byte> bytes) => Write("S>", Escape(bytes));

    /// <summary>Records an event such as a connect, a close or a retry.</summary>
    public void Note(string text) => Write("--", text);

    /// <summary>Escapes bytes for one transcript line.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F && b != (byte)'<')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('<').Append(b.ToString("X2", CultureInfo.InvariantCulture)).Append('>');
            }
        }

        return text.ToString();
    }

    /// <summary>The request escaped for one transcript line, with the password's length prefix and value replaced by <see cref="PasswordMask"/>.</summary>
    public static string Mask(GatewayRequestBytes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = request.Bytes.AsSpan();
        if (request.PasswordOffset < 0)
        {
            return Escape(bytes);
        }

        // gateway §3.2: the prefix is one byte up to 191 bytes, else decimal digits; both tell the length.
        var prefixStart = request.PasswordOffset - GatewayRequestWriter.EncodeLength(request.PasswordLength).Length;
        var valueEnd = request.PasswordOffset + request.PasswordLength;
        return Escape(bytes[..prefixStart]) + PasswordMask + Escape(bytes[valueEnd..]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }

    private void Write(string direction, string text)
    {
        var stamp = _time.GetUtcNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            _writer.Write(stamp);
            _writer.Write(' ');
            _writer.Write(direction);
            _writer.Write(' ');
            _writer.WriteLine(text);
            _writer.Flush();
        }
    }
}
