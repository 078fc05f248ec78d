using System.Buffers.Binary;
using System.Globalization;
using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// What the store checks of a database file before it trusts it: the file's header (https://www.sqlite.org/fileformat.html
/// §1.3), then SQLite's own <c>PRAGMA quick_check</c> or <c>integrity_check</c>. A file that fails is refused with a message
/// that names it, says what failed and what to do; it is never opened half-way and never written.
/// </summary>
internal static class SqliteIntegrityCheck
{
    /// <summary>How many of the check's lines a refusal quotes; <c>marcgate db check</c> lists more.</summary>
    public const int QuotedLines = 5;

    // SQLITE_CORRUPT and SQLITE_NOTADB: what SQLite answers when a page or the header it reads is not what it wrote.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private const int HeaderLength = 100;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>True for SQLite's answers that mean the file's contents are damaged, not that the disk or a lock failed.</summary>
    public static bool IsDamage(SqliteException error) => error.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>Refuses a file that is not a SQLite database or is shorter than its header says; an empty file is a new database.</summary>
    /// <exception cref="CatalogStoreException">The file is not a SQLite database or is truncated.</exception>
    public static void CheckHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = file.Length;
        if (length == 0)
        {
            return;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        var read = file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw Refused(path, "is not a SQLite database: it does not begin with \"SQLite format 3\"");
        }

        if (read < HeaderLength)
        {
            throw Refused(path, $"is truncated: it holds {Bytes(length)}, less than the {HeaderLength}-byte database header");
        }

        // A non-empty write-ahead log may hold pages a checkpoint has not yet copied in: the header's size is then
        // not the file's, and recovery (then quick_check) is the judge.
        var wal = new FileInfo(path + "-wal");
        if (wal.Exists && wal.Length > 0)
        {
            return;
        }

        // Header offset 16: the page size, 1 meaning 65,536; offsets 28 and 92: the page count, valid when the change
        // counter at 24 equals the version-valid-for number at 92 (fileformat §1.3.6, §1.3.10).
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]) is var size && size == 1 ? 65536 : size;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            throw Refused(path, $"has a damaged header: its page size {pageSize.ToString(CultureInfo.InvariantCulture)} is not a power of two from 512 to 65,536");
        }

        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var counted = pages > 0 && BinaryPrimitives.ReadUInt32BigEndian(header[24..]) == BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        if (counted && length < (long)pages * pageSize)
        {
            throw Refused(path, $"is truncated: it holds {Bytes(length)}, but its header counts {pages.ToString("N0", CultureInfo.InvariantCulture)} pages of {Bytes(pageSize)} ({Bytes((long)pages * pageSize)})");
        }

        if (length % pageSize != 0)
        {
            throw Refused(path, $"is truncated: it holds {Bytes(length)}, not a whole number of {Bytes(pageSize)} pages");
        }
    }

    /// <summary>Runs <c>PRAGMA quick_check</c> (or, when <paramref name="full"/>, <c>integrity_check</c>) and returns its findings; none when the file is sound.</summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="full">True for <c>integrity_check</c>, which also compares every index with its table.</param>
    /// <param name="maxFindings">The most findings to collect.</param>
    /// <exception cref="SqliteException">SQLite could not run the check (a page it needs is unreadable, an I/O error).</exception>
    public static IReadOnlyList<string> Run(SqliteConnection connection, bool full, int maxFindings)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {(full ? "integrity_check" : "quick_check")}({maxFindings.ToString(CultureInfo.InvariantCulture)})";
        command.CommandTimeout = 0;
        var findings = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // One row may hold several lines ("*** in database main ***" and the first finding).
                findings.AddRange(reader.GetString(0).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        catch (SqliteException error) when (IsDamage(error) && findings.Count > 0)
        {
            // SQLite reports what it found, then fails the statement on the damage it could not walk past.
            findings.Add($"(the check stopped there: {error.Message})");
        }

        return findings is ["ok"] ? [] : findings;
    }

    /// <summary>Runs <c>PRAGMA quick_check</c> as the store opens and refuses a file it finds damaged.</summary>
    /// <exception cref="CatalogStoreException">The check found damage.</exception>
    /// <exception cref="SqliteException">SQLite could not run the check.</exception>
    public static void QuickCheck(SqliteConnection connection, string path)
    {
        // One more than is quoted: enough to say that more follow.
        var findings = Run(connection, full: false, QuotedLines + 1);
        if (findings.Count > 0)
        {
            throw Failed(path, "PRAGMA quick_check", findings);
        }
    }

    /// <summary>The refusal for findings of a check: the file, the check, its first lines, and what to do.</summary>
    public static CatalogStoreException Failed(string path, string check, IReadOnlyList<string> findings)
    {
        var quoted = findings.Take(QuotedLines).Select(line => "\n  " + line);
        var more = findings.Count > QuotedLines ? "\n  … (more follow; 'marcgate db check' lists up to 100)" : string.Empty;
        return new CatalogStoreException($"{path} failed its integrity check ({check}), so the catalog was not opened:{string.Concat(quoted)}{more}\n{Advice(path)}");
    }

    /// <summary>The refusal for SQLite's own report of damage met while opening or checking the file.</summary>
    public static CatalogStoreException Damaged(string path, SqliteException error) =>
        new($"{path} failed its integrity check, so the catalog was not opened: SQLite reports \"{error.Message}\"\n{Advice(path)}", error);

    private static CatalogStoreException Refused(string path, string what) =>
        new($"{path} {what}, so the catalog was not opened.\n{Advice(path)}");

    // What an administrator can do; the damaged file is kept, since sqlite3's .recover may still rescue records from it.
    private static string Advice(string path) =>
        $"Stop every host using it, then restore the latest copy that 'marcgate backup' made (copy it over {path}), or move {path} "
        + "aside, with its -wal and -shm files if any, to start an empty catalog. Keep the damaged file: sqlite3's .recover command may rescue records from it.";

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " byte" : " bytes");
}
