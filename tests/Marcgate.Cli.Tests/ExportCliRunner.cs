using System.Diagnostics;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>Runs the built <c>marcgate</c> as a process with its own config, data and session environment.</summary>
internal sealed class ExportCliRunner : IDisposable
{
    public ExportCliRunner()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("marcgate-cli-").FullName;
        Environment["MARCGATE_CONFIG_DIR"] = Path.Combine(Directory, "config");
        Environment["MARCGATE_DATA_DIR"] = Path.Combine(Directory, "data");
        Environment["MARCGATE_SESSION"] = null;
    }

    public string Directory { get; }

    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>The process's working directory (default: the test's own).</summary>
    public string? WorkingDirectory { get; set; }

    public string DefaultFile => Path.Combine(Directory, "config", "export-options.json");

    public (int Exit, string Output, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs with <paramref name="input"/> on standard input (a password for <c>--password-stdin</c>).</summary>
    public (int Exit, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        var start = MarcgateProcess.StartInfo(args);
        start.RedirectStandardInput = true;
        start.WorkingDirectory = WorkingDirectory ?? string.Empty;

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("marcgate " + string.Join(' ', args) + " did not finish");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
