using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// The change feed on one SQLite file: triggers bump a serial per kind of change in the changing transaction
/// (migration 0006), whichever process commits it, and this feed reads the four serials, a few bytes, after each change
/// made through this store and every <see cref="PollInterval"/> for changes made by other processes.
/// </summary>
internal sealed class SqliteChangeFeed : ICatalogChangeFeed, IDisposable
{
    /// <summary>How often the serials are read for changes made by other processes on the file.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly string[] s_kinds = ["accounts", "profiles", "repositories", "lockouts"];
    private static readonly CatalogChanges[] s_changes = [CatalogChanges.Accounts, CatalogChanges.Profiles, CatalogChanges.Repositories, CatalogChanges.Lockouts];

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _read;
    private readonly long[] _serials = new long[4];
    private readonly Timer _timer;
    private bool _listening;
    private bool _disposed;

    public SqliteChangeFeed(string readConnectionString)
    {
        _connection = new SqliteConnection(readConnectionString);
        _connection.Open();
        _read = _connection.CreateCommand();
        _read.CommandText = "SELECT kind, serial FROM catalog_changes";
        Read(_serials);
        _listening = true;
        _timer = new Timer(_ => Check(), null, PollInterval, PollInterval);
    }

    public event Action<CatalogChanges>? Changed;

    public bool IsListening => Volatile.Read(ref _listening);

    /// <summary>Reads the serials now and announces the kinds that changed since the last read.</summary>
    public void Check()
    {
        var changed = CatalogChanges.None;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var serials = new long[4];
            try
            {
                Read(serials);
            }
            catch (SqliteException)
            {
                // Changes may go unheard until the file reads again; caches read the store meanwhile.
                Volatile.Write(ref _listening, false);
                changed = CatalogChanges.All;
            }

            if (changed == CatalogChanges.None)
            {
                var missed = !_listening;
                Volatile.Write(ref _listening, true);
                for (var i = 0; i < serials.Length; i++)
                {
                    if (missed || serials[i] != _serials[i])
                    {
                        changed |= s_changes[i];
                        _serials[i] = serials[i];
                    }
                }
            }
        }

        if (changed != CatalogChanges.None)
        {
            Changed?.Invoke(changed);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _disposed = true;
            _read.Dispose();
            _connection.Dispose();
        }
    }

    private void Read(long[] serials)
    {
        using var reader = _read.ExecuteReader();
        while (reader.Read())
        {
            var index = Array.IndexOf(s_kinds, reader.GetString(0));
            if (index >= 0)
            {
                serials[index] = reader.GetInt64(1);
            }
        }
    }
}
