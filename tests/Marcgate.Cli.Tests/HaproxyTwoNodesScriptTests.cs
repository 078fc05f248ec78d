using System.Diagnostics;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>
/// <c>bench/haproxy-two-nodes.sh</c>: two <c>marcgate serve</c> nodes on one throwaway PostgreSQL behind HAProxy with
/// README.md's configuration; needs Debian's <c>haproxy</c> and <c>postgresql</c>, which <c>./test.sh</c> installs.
/// </summary>
public sealed class HaproxyTwoNodesScriptTests
{
    [Fact]
    public async Task Records_sent_through_HAProxy_are_stored_once_each_and_both_nodes_take_some()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestFiles.RepoRoot, "bench", "haproxy-two-nodes.sh"));
        start.ArgumentList.Add("--records");
        start.ArgumentList.Add("200");

        // The binary the other process tests run: the published one under ./test.sh, else this project's build.
        start.Environment["MARCGATE_BIN"] = MarcgateProcess.PublishedBinary ?? Path.Combine(AppContext.BaseDirectory, "marcgate");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGKILL skips the script's clean-up; SIGTERM lets it stop what it started.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync();
            throw new TimeoutException("bench/haproxy-two-nodes.sh did not finish:\n" + await output + await error);
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, text + await error);
        Assert.Contains("200  status=ok action=added", text, StringComparison.Ordinal);
        Assert.Matches(@"haproxy-two-nodes: 200 records stored through HAProxy; node1 took [1-9]\d* connections, node2 [1-9]\d*", text);
    }
}
