using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>Starts <c>marcgate serve</c> as its own process and waits for its "Listening on" line; every line it prints goes to a log the test reads.</summary>
internal static class ServeProcess
{
    public static Task<Process> StartAsync(IEnumerable<string> arguments, List<string> log) =>
        StartAsync(MarcgateProcess.StartInfo(arguments), log);

    public static async Task<Process> StartAsync(ProcessStartInfo start, List<string> log)
    {
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Collect(e.Data, log, ready);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, log, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            Stop(process);
            lock (log)
            {
                throw new InvalidOperationException("marcgate serve did not start:\n" + string.Join('\n', log));
            }
        }

        return process;
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Kills the process (SIGKILL on Linux: it gets no chance to finish what it was doing) and waits for it.</summary>
    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static void Collect(string? line, List<string> log, TaskCompletionSource? ready)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Add(line);
        }

        if (line.StartsWith("Listening on", StringComparison.Ordinal))
        {
            ready?.TrySetResult();
        }
    }
}
