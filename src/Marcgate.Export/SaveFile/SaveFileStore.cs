using System.Globalization;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Microsoft.Data.Sqlite;

namespace Marcgate.Export.SaveFile;

/// <summary>The local save file (Connexion's "online save file", kept on disk): records, each with a flag for export.</summary>
/// <remarks>A SQLite database: durable, one file, and safe against two commands at once.</remarks>
public sealed class SaveFileStore : IDisposable
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string DataDirVariable = "MARCGATE_DATA_DIR";

    private readonly SqliteConnection _connection;

    /// <summary>Opens (creating when needed) the save file at this path.</summary>
    /// <exception cref="SqliteException">The file is not a save file or cannot be opened.</exception>
    public SaveFileStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
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

    /// <summary>The save file's path.</summary>
    public string Path { get; }

    /// <summary>The default path: <c>$MARCGATE_DATA_DIR</c>, else <c>$XDG_DATA_HOME/marcgate</c>, else <c>~/.local/share/marcgate</c>, then <c>savefile.db</c>.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(DataDirVariable) is { Length: > 0 } explicitDirectory)
        {
            return System.IO.Path.Combine(System.IO.Path.GetFullPath(explicitDirectory), "savefile.db");
        }

        var xdg = environment("XDG_DATA_HOME");
        var root = !string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg)
            ? xdg
            : System.IO.Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return System.IO.Path.Combine(root, "marcgate", "savefile.db");
    }

    /// <summary>Saves a record; returns its number.</summary>
    public long Add(MarcRecord record, byte[] iso2709, bool flagged)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO saved_record (title, control_number, iso2709, flagged, added) VALUES ($title, $control, $bytes, $flagged, $added) RETURNING number";
        command.Parameters.AddWithValue("$title", TitleOf(record.Leader.IsUnicode ? record : MarcCharsetConverter.ToUnicode(record)));
        command.Parameters.AddWithValue("$control", (object?)record.GetControlValue("001")?.Trim() ?? DBNull.Value);
        command.Parameters.AddWithValue("$bytes", iso2709);
        command.Parameters.AddWithValue("$flagged", flagged ? 1 : 0);
        command.Parameters.AddWithValue("$added", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every saved record, by number; only flagged ones when asked.</summary>
    public IReadOnlyList<SavedRecord> List(bool flaggedOnly = false)
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
    }

    /// <summary>One saved record, or null.</summary>
    public SavedRecord? Get(long number)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT number, title, control_number, iso2709, flagged, added, last_export FROM saved_record WHERE number = $n";
        command.Parameters.AddWithValue("$n", number);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Sets or clears the export flag; returns the numbers that do not exist.</summary>
    public IReadOnlyList<long> SetFlag(IEnumerable<long> numbers, bool flagged) =>
        Update(numbers, "UPDATE saved_record SET flagged = $v WHERE number = $n", flagged ? 1 : 0);

    /// <summary>Removes records; returns the numbers that do not exist.</summary>
    public IReadOnlyList<long> Remove(IEnumerable<long> numbers) =>
        Update(numbers, "DELETE FROM saved_record WHERE number = $n", null);

    /// <summary>Records the outcome of an export; clears the flag when the host accepted the record.</summary>
    public void RecordExport(long number, bool accepted, string outcome)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE saved_record SET last_export = $o, flagged = CASE WHEN $accepted = 1 THEN 0 ELSE flagged END WHERE number = $n";
        command.Parameters.AddWithValue("$o", outcome);
        command.Parameters.AddWithValue("$accepted", accepted ? 1 : 0);
        command.Parameters.AddWithValue("$n", number);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static string TitleOf(MarcRecord record)
    {
        var heading = record.GetDataFields("245").FirstOrDefault()?['a']
            ?? record.Fields.OfType<DataField>().FirstOrDefault(f => f.Tag.Length == 3 && f.Tag[0] == '1')?['a'];
        return heading?.Trim().TrimEnd('/', ':', ';', ',', ' ') ?? "(no title)";
    }

    private static SavedRecord Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader[3], reader.GetInt64(4) == 1,
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
        {
            LastExport = reader.IsDBNull(6) ? null : reader.GetString(6),
        };

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
