using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database on a connection of its own, so the writer seldom has to.
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside the commit that crosses the WAL's size threshold (1,000 pages): that
/// commit, and every reply waiting on its batch, then waits for the pages to be copied and the database file fsynced.
/// This thread copies the log back every few milliseconds with PASSIVE checkpoints, which never block the writer or
/// readers, so the writer's own checkpoint finds only the last few frames left to copy. The writer's checkpoint stays
/// on because only a checkpoint run between two of its transactions lets the next one start the log over; without
/// it the log grows without bound under steady writing. Durability does not depend on any of this: a commit is
/// durable once its WAL frames are fsynced.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public WalCheckpointer(string connectionString, TimeSpan interval)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "Marcgate WAL checkpoint" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _connection.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        using var checkpoint = _connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!_stop.Token.WaitHandle.WaitOne(_interval))
        {
            try
            {
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or locked by another process's checkpoint: the next round tries again, and the WAL stays
                // correct however long it grows meanwhile.
            }
        }
    }
}
