using System.Diagnostics;

namespace Marcgate.Tests;

/// <summary>
/// How tests start <c>marcgate</c> as its own process: the published binary that <c>./marcgate</c> runs when
/// <c>MARCGATE_TEST_CLI</c> names it (<c>./test.sh</c> does), so tests cover the native build users get; otherwise
/// the test project's own build through <c>dotnet</c>.
/// </summary>
internal static class MarcgateProcess
{
    public static string? PublishedBinary =>
        Environment.GetEnvironmentVariable("MARCGATE_TEST_CLI") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        ProcessStartInfo start;
        if (PublishedBinary is { } binary)
        {
            start = new ProcessStartInfo(binary);
        }
        else
        {
            start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "marcgate.dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tests start many hosts at once: each one's web console on a port of its own rather than all on 8080.
        if (!start.Environment.ContainsKey("MARCGATE_Web__Listen"))
        {
            start.Environment["MARCGATE_Web__Listen"] = "127.0.0.1:0";
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
