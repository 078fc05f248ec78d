using System.Collections;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Marcgate.Cli;

/// <summary>
/// Process settings for a bulk load. Each batch of records lives through a few collections, so the collector's work is a
/// third or more of a load's CPU time (perf). The program runs with background collection for the host's sake, and with it
/// the young generation's budget is capped at a few megabytes; a load runs best without it, which only the process's
/// start can choose (<c>DOTNET_gcConcurrent=0</c>): 50,000 new records into SQLite took 3.0 s of CPU with background
/// collection and foreground full collections, 2.0 s without it (bench/results/import.md).
/// </summary>
internal static class ImportProcessTuning
{
    private const string BackgroundCollection = "DOTNET_gcConcurrent";

    /// <summary>
    /// Starts the program again in this process, with the same arguments and background collection off, unless it already
    /// runs so, the user chose a setting, or this is not the <c>marcgate</c> program (tests run the command in their host).
    /// Returns only when it does not; the command then runs as it is.
    /// </summary>
    public static void RestartWithoutBackgroundCollection()
    {
        if (!OperatingSystem.IsLinux() || GCSettings.LatencyMode != GCLatencyMode.Interactive
            || Environment.GetEnvironmentVariable(BackgroundCollection) is not null
            || Environment.ProcessPath is not { } program || Path.GetFileName(program) != "marcgate")
        {
            return;
        }

        var environment = new List<string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{variable.Key}={variable.Value}");
        }

        environment.Add($"{BackgroundCollection}=0");
        environment.Add(null);

        // execve replaces this process (same id, same standard streams, the exit code is the new program's); it returns
        // only when it failed, and then the load simply runs with background collection.
        try
        {
            _ = Execve(program, [program, .. Environment.GetCommandLineArgs().Skip(1), null], [.. environment]);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without execve under that name: nothing to restart with.
        }
    }

    /// <summary>For a load run in a process that keeps background collection: foreground full collections and freed native memory kept, undone when it ends.</summary>
    public static IDisposable Apply() => new Settings();

    // Strings marshal as UTF-8 on Linux; a null element ends each list, as execve wants.
    [DllImport("libc", EntryPoint = "execve")]
    private static extern int Execve(string path, string?[] argv, string?[] envp);

    private sealed class Settings : IDisposable
    {
        private readonly GCLatencyMode _before;

        public Settings()
        {
            _before = GCSettings.LatencyMode;

            // Batch: full collections run in the foreground; nobody waits on a reply meanwhile, and the background marking
            // of a heap whose batches keep moving costs more than it saves.
            GCSettings.LatencyMode = GCLatencyMode.Batch;

            // SQLite's statement buffers: as for the host, no trim (and TLB flush) after each batch's frees.
            GlibcHeap.KeepFreedMemoryForReuse();
        }

        public void Dispose() => GCSettings.LatencyMode = _before;
    }
}
