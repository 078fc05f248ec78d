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

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
