using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Marcgate.Tests;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>The built <c>marcgate serve</c> running as a separate process on 127.0.0.1, port 0.</summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, IPEndPoint endPoint)
    {
        _process = process;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public static async Task<HostProcess> StartAsync(string dataDirectory)
    {
        var start = MarcgateProcess.StartInfo(["serve", "--data", dataDirectory, "--listen", "127.0.0.1:0"]);
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(IPEndPoint.Parse(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"marcgate serve exited with {process.ExitCode} before listening"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new HostProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing the process could do about it.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^Listening on (\S+)$")]
    private static partial Regex ListeningLine();
}
