using System.Runtime.InteropServices;

namespace Marcgate.Cli;

/// <summary>glibc allocator settings for the long-running host.</summary>
internal static class GlibcHeap
{
    // mallopt parameter (malloc.h).
    private const int TrimThresholdOption = -1;

    // Free memory at the top of a heap kept for reuse before glibc gives it back to the kernel.
    private const int TrimThreshold = 8 * 1024 * 1024;

    /// <summary>
    /// SQLite mallocs and frees its statement buffers on every request. With glibc's default 128 KB trim threshold a
    /// free often leaves enough at the top of a thread's heap to be handed back with <c>madvise</c>, and in a
    /// multi-threaded process each such call flushes the TLBs of every core: about one call per four requests under
    /// load (bench/results/gateway-2026-11-29.md). Keeping up to 8 MB per heap for reuse avoids it.
    /// </summary>
    public static void KeepFreedMemoryForReuse()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = mallopt(TrimThresholdOption, TrimThreshold);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for one): its allocator has no such setting, and nothing needs it.
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int mallopt(int option, int value);
}
