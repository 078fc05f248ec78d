using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>
/// A host that refuses every request with one code as Marcgate's host replies (gateway §4 <c>logon-failed</c>, <c>locked-out</c> or <c>storage-full</c>),
/// keeping the connection open; with <paramref name="onlyWithUserId"/> it refuses only requests that carry a
/// user ID, as Koha does when it checks the <c>U</c> field instead of the logon ID.
/// </summary>
internal sealed class LogonRefusingReceiver(string code = "logon-failed", bool onlyWithUserId = false) : LoopbackReceiver
{
    public const string Refusal = "Import Failed. Logon failed--the logon ID and/or password is not valid.";

    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            while (RequestScanner.TryScan(pending.ToArray(), connection, out var request, out var consumed))
            {
                pending.RemoveRange(0, consumed);
                Requests.Enqueue(request!);
                var reply = onlyWithUserId && request!.UserId is null
                    ? "The record has been processed successfully. Record 000001 was added to NETWORK.\r\nstatus=ok action=added repository=NETWORK record=000001 warnings=0\r\n\0"
                    : $"{Refusal}\r\nstatus=error code={code}\r\n\0";
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(reply), cancellationToken);
            }

            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
