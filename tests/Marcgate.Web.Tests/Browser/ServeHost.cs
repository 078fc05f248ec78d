using System.Diagnostics;
using System.Text.RegularExpressions;
using Marcgate.Tests;

namespace Marcgate.Web.Tests.Browser;

/// <summary><c>marcgate serve</c> as its own process over a fresh data directory, with the addresses it printed.</summary>
public sealed partial class ServeHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log;

    private ServeHost(Process process, List<string> log, string data, int gatewayPort, Uri web)
    {
        _process = process;
        _log = log;
        Data = data;
        GatewayPort = gatewayPort;
        Web = web;
    }

    public string Data { get; }

    public int GatewayPort { get; }

    public Uri Web { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Runs a <c>marcgate</c> command to its end; the value is its exit code with what it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = MarcgateProcess.StartInfo(arguments);
        start.RedirectStandardInput = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public static async Task<ServeHost> StartAsync(string data)
    {
        var start = MarcgateProcess.StartInfo(["serve", "--data", data, "--listen", "127.0.0.1:0", "--web-listen", "127.0.0.1:0"]);
        var process = Process.Start(start)!;
        var log = new List<string>();
        var ready = new TaskCompletionSource<(int, Uri)>(TaskCreationOptions.RunContinuationsAsynchronously);
        int? gateway = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (log)
            {
                log.Add(line);
            }

            if (Listening().Match(line) is { Success: true } listening)
            {
                gateway = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Web console on ", StringComparison.Ordinal) && gateway is { } port)
            {
                ready.TrySetResult((port, new Uri(line["Web console on ".Length..].TrimEnd('/') + "/")));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (log)
                {
                    log.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            lock (log)
            {
                throw new InvalidOperationException("marcgate serve did not start:\n" + string.Join('\n', log));
            }
        }

        var (gatewayPort, web) = await ready.Task;
        return new ServeHost(process, log, data, gatewayPort, web);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^Listening on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex Listening();
}
