using System.Text;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>The receivers' reading of a request (gateway §3): short-length U/A/P fields, spaces, then an ISO 2709 record.</summary>
internal static class RequestScanner
{
    /// <summary>Finds a whole request at the start of the buffer; false when more bytes are needed.</summary>
    public static bool TryScan(ReadOnlySpan<byte> buffer, int connection, out ReceivedRequest? request, out int consumed)
    {
        request = null;
        consumed = 0;
        var at = 0;
        string? logon = null, password = null, user = null;

        // §5: stray NULs and spaces between requests are ignored.
        while (at < buffer.Length && buffer[at] is 0 or (byte)' ')
        {
            at++;
        }

        var start = at;
        while (at < buffer.Length && buffer[at] is (byte)'U' or (byte)'A' or (byte)'P' or (byte)' ')
        {
            if (buffer[at] == (byte)' ')
            {
                at++;
                continue;
            }

            if (at + 1 >= buffer.Length)
            {
                return false;
            }

            var tag = (char)buffer[at];
            var length = buffer[at + 1] - 0x40;
            if (length < 0 || at + 2 + length > buffer.Length)
            {
                return false;
            }

            var value = Encoding.UTF8.GetString(buffer.Slice(at + 2, length));
            _ = tag switch { 'U' => user = value, 'A' => logon = value, _ => password = value };
            at += 2 + length;
        }

        if (at + 5 > buffer.Length)
        {
            return false;
        }

        var recordLength = int.Parse(Encoding.ASCII.GetString(buffer.Slice(at, 5)), System.Globalization.CultureInfo.InvariantCulture);
        if (at + recordLength > buffer.Length)
        {
            return false;
        }

        var record = buffer.Slice(at, recordLength).ToArray();
        at += recordLength;
        var eot = at < buffer.Length && buffer[at] == 0;
        consumed = eot ? at + 1 : at;
        request = new ReceivedRequest(connection, logon, password, user, record, eot) { Raw = buffer[start..consumed].ToArray() };
        return true;
    }
}
