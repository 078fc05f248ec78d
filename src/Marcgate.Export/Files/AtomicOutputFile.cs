using System.Runtime.InteropServices;

namespace Marcgate.Export.Files;

/// <summary>An output file written beside its target under a temporary name and renamed over it only when complete.</summary>
/// <remarks>
/// A run that fails, or is stopped, leaves the target as it was: never empty, never half written. Readers of the
/// target, even the same file read as input, keep reading the old content until the rename.
/// </remarks>
public sealed class AtomicOutputFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    private AtomicOutputFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        _temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
    }

    /// <summary>The target's full path.</summary>
    public string Path { get; }

    /// <summary>Where the content goes until <see cref="Commit"/>.</summary>
    public FileStream Stream { get; }

    /// <summary>Creates the temporary file beside <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written.</exception>
    public static AtomicOutputFile Create(string path) => new(path);

    /// <summary>Flushes the content and renames it over the target.</summary>
    /// <param name="overwrite">False to fail rather than replace a file that appeared at the target meanwhile.</param>
    /// <exception cref="IOException">Writing or renaming failed; the target is unchanged.</exception>
    public void Commit(bool overwrite = true)
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporary, Path, overwrite);
        _committed = true;
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the target is untouched either way.
            }
        }
    }

    /// <summary>True when two paths name the same file: the same full path once links are resolved, or the same device and inode.</summary>
    public static bool IsSameFile(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (string.Equals(Resolve(first), Resolve(second), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return true;
        }

        return Identity(first) is { } a && Identity(second) is { } b && a == b;
    }

    private static string Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    // st_dev and st_ino lead struct stat on 64-bit Linux (x86-64 and the generic layout of arm64).
    private static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            var buffer = new byte[256];
            return stat(path, buffer) == 0 ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8)) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "stat")]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
