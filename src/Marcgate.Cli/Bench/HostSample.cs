using System.Globalization;

namespace Marcgate.Cli.Bench;

/// <summary>
/// What a host process holds at one moment, read from Linux's <c>/proc/PID</c>: resident memory (<c>VmRSS</c>, and of it
/// <c>RssAnon</c>, the heap and stacks: the program and the files it maps are the rest), threads, open descriptors; and the size
/// of its catalog's files. Each is null when it cannot be read.
/// </summary>
internal sealed record HostSample(double? RssMegabytes, int? Threads, int? Descriptors, double? CatalogMegabytes, double? AnonymousMegabytes = null)
{
    public static HostSample Read(int? pid, string? catalogFile)
    {
        var status = pid is { } p ? StatusLines(p) : [];
        return new HostSample(
            Kilobytes(status, "VmRSS:") / 1024,
            (int?)Kilobytes(status, "Threads:"),
            pid is { } q ? CountDescriptors(q) : null,
            catalogFile is null ? null : FileMegabytes(catalogFile),
            Kilobytes(status, "RssAnon:") / 1024);
    }

    private static string[] StatusLines(int pid)
    {
        try
        {
            return File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static double? Kilobytes(string[] status, string key) =>
        status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            && double.TryParse(line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static int? CountDescriptors(int pid)
    {
        try
        {
            return Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // SQLite in WAL mode keeps committed pages in the -wal file until a checkpoint: the catalog is both.
    private static double? FileMegabytes(string file)
    {
        var main = new FileInfo(file);
        if (!main.Exists)
        {
            return null;
        }

        var wal = new FileInfo(file + "-wal");
        return (main.Length + (wal.Exists ? wal.Length : 0)) / (1024.0 * 1024.0);
    }
}
