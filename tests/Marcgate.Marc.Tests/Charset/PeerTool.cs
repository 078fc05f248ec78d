using System.Diagnostics;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>Runs a peer tool (yaz-marcdump, perl; ./test.sh installs them) and returns its standard output; a missing tool fails the test.</summary>
internal static class PeerTool
{
    /// <summary>Runs the program and returns its output bytes; fails the test when it does not exit normally.</summary>
    public static byte[] Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var output = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish");
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        return output.ToArray();
    }
}
