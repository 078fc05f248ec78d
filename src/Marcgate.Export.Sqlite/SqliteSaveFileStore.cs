using System.Globalization;
using Marcgate.Export.SaveFile;
using Marcgate.Marc;
using Microsoft.Data.Sqlite;

namespace Marcgate.Export.Sqlite;

/// <summary>The save file as one SQLite database: durable (WAL, <c>synchronous=FULL</c>), one file, and safe against two commands at once.</summary>
public sealed class SqliteSaveFileStore : ISaveFileStore
{
    private readonly SqliteConnection _connection;

    private SqliteSaveFileStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>Opens (creating when needed) the save file at this path.</summary>
    /// <exception cref="SaveFileException">The file cannot be opened or created, or is not a save file.</exception>
    public static SqliteSaveFileStore Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());
            connection.Open();
            var store = new SqliteSaveFileStore(fullPath, connection);
            store.CreateSchema();
            return store;
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new SaveFileException($"{fullPath}: cannot open the save file: {error.Message}", error);
        }
    }

    private void CreateSchema()
    {
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS saved_record (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL,
                control_number TEXT,
                iso2709 BLOB NOT NULL,
                flagged INTEGER NOT NULL DEFAULT 0,
                added TEXT NOT NULL,
                last_export TEXT
            );
            """);
    }

    /// <inheritdoc />
    public long Add(MarcRecord record, byte[] iso2709, bool flagged)
    {
        ArgumentNullException.ThrowIfNull(record);
        var title = SavedRecord.TitleOf(record);
        return Guard("save the record", () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO saved_record (title, control_number, iso2709, flagged, added) VALUES ($title, $control, $bytes, $flagged, $added) RETURNING number";
            command.Parameters.AddWithValue("$title", title);
            command.Parameters.AddWithValue("$control", (object?)record.GetControlValue("001")?.Trim() ?? DBNull.Value);
            command.Parameters.AddWithValue("$bytes", iso2709);
            command.Parameters.AddWithValue("$flagged", flagged ? 1 : 0);
            command.Parameters.AddWithValue("$added", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            return (long)command.ExecuteScalar()!;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<SavedRecord> List(bool flaggedOnly = false) =>
        Guard("list the records", () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT number, title, control_number, iso2709, flagged, added, last_export FROM saved_record"
                + (flaggedOnly ? " WHERE flagged = 1" : string.Empty) + " ORDER BY number";
            using var reader = command.ExecuteReader();
            var records = new List<SavedRecord>();
            while (reader.Read())
            {
                records.Add(Read(reader));
            }

            return records;
        });

    /// <inheritdoc />
    public SavedRecord? Get(long number) =>
        Guard("read the record", () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT number, title, control_number, iso2709, flagged, added, last_export FROM saved_record WHERE number = $n";
            command.Parameters.AddWithValue("$n", number);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        });

    /// <inheritdoc />
    public IReadOnlyList<long> SetFlag(IEnumerable<long> numbers, bool flagged) =>
        Guard("change the flags", () => Update(numbers, "UPDATE saved_record SET flagged = $v WHERE number = $n", flagged ? 1 : 0));

    /// <inheritdoc />
    public IReadOnlyList<long> Remove(IEnumerable<long> numbers) =>
        Guard("remove the records", () => Update(numbers, "DELETE FROM saved_record WHERE number = $n", null));

    /// <inheritdoc />
    public void RecordExport(long number, bool accepted, string outcome) =>
        Guard("record the export", () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE saved_record SET last_export = $o, flagged = CASE WHEN $accepted = 1 THEN 0 ELSE flagged END WHERE number = $n";
            command.Parameters.AddWithValue("$o", outcome);
            command.Parameters.AddWithValue("$accepted", accepted ? 1 : 0);
            command.Parameters.AddWithValue("$n", number);
            return command.ExecuteNonQuery();
        });

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static SavedRecord Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader[3], reader.GetInt64(4) == 1,
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
        {
            LastExport = reader.IsDBNull(6) ? null : reader.GetString(6),
        };

    // SQLite's own errors (busy past the timeout, disk full, a damaged file) reach callers in save file terms.
    private T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException error)
        {
            throw new SaveFileException($"{Path}: cannot {what}: {error.Message}", error);
        }
    }

    private List<long> Update(IEnumerable<long> numbers, string sql, object? value)
    {
        var missing = new List<long>();
        using var transaction = _connection.BeginTransaction();
        foreach (var number in numbers)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$n", number);
            if (value is not null)
            {
                command.Parameters.AddWithValue("$v", value);
            }

            if (command.ExecuteNonQuery() == 0)
            {
                missing.Add(number);
            }
        }

        transaction.Commit();
        return missing;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
