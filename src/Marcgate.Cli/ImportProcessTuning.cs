using System.Runtime;

namespace Marcgate.Cli;

/// <summary>
/// Process settings for a bulk load, undone when it ends (the same process may serve afterwards, as tests run it). Each
/// batch of records lives through a few collections, so the collector's work is a third or more of a load's CPU time
/// (perf): with foreground collections and freed native memory kept for reuse, a load of 50,000 new records into SQLite
/// took 3.0 s of CPU instead of 4.0 (bench/results/import.md).
/// </summary>
/// <remarks>
/// Background collection can only be switched off when the process starts (<c>DOTNET_gcConcurrent=0</c>); the host keeps
/// it for its latency, and it also caps the young generation's budget, so a load started that way takes 2.0 s of CPU.
/// </remarks>
internal sealed class ImportProcessTuning : IDisposable
{
    private readonly GCLatencyMode _before;

    private ImportProcessTuning()
    {
        _before = GCSettings.LatencyMode;

        // Batch: full collections run in the foreground; nobody waits on a reply meanwhile, and the background marking
        // of a heap whose batches keep moving costs more than it saves.
        GCSettings.LatencyMode = GCLatencyMode.Batch;

        // SQLite's statement buffers: as for the host, no trim (and TLB flush) after each batch's frees.
        GlibcHeap.KeepFreedMemoryForReuse();
    }

    public static ImportProcessTuning Apply() => new();

    public void Dispose() => GCSettings.LatencyMode = _before;
}
