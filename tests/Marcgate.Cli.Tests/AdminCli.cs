using Marcgate.Cli.Admin;

namespace Marcgate.Cli.Tests;

/// <summary>Runs <c>marcgate</c> command lines in-process, as the program does, against a temporary <c>--data</c> directory.</summary>
internal sealed class AdminCli : IDisposable
{
    public AdminCli()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "marcgate-cli-" + Guid.NewGuid().ToString("N"));
    }

    public string DataDirectory { get; }

    /// <summary>Runs the command line with <c>--data</c> the temporary directory, or as given when <paramref name="withData"/> is false (for <c>--store</c>).</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, string? stdin = null, bool withData = true)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        PasswordInput.UseInput(stdin is null ? null : new StringReader(stdin));
        try
        {
            var exitCode = await MarcgateProgram.RunAsync(withData ? [.. args, "--data", DataDirectory] : args, output, error);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            PasswordInput.UseInput(null);
        }
    }

    public Task<(int ExitCode, string Out, string Error)> RunAsync(string command, string? stdin = null) =>
        RunAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdin);

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
