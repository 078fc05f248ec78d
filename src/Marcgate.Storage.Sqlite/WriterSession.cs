using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>The writer's session: its prepared commands, the batch's transaction and savepoints, and the repositories it has seen.</summary>
internal sealed class WriterSession(SqliteConnection connection) : SqliteSession(connection)
{
    /// <summary>Repositories seen to exist; they are never removed, so the writer asks the database only once per name.</summary>
    public HashSet<string> KnownRepositories { get; } = new(StringComparer.Ordinal);

    /// <summary>Opens a savepoint through a prepared statement (the transaction's own helper compiles one each time).</summary>
    public void Savepoint(string name) => Command($"SAVEPOINT {name}").ExecuteNonQuery();

    /// <summary>Keeps the savepoint's work as part of the enclosing transaction.</summary>
    public void Release(string name) => Command($"RELEASE {name}").ExecuteNonQuery();

    /// <summary>Undoes the savepoint's work and closes it.</summary>
    public void RollbackTo(string name)
    {
        Command($"ROLLBACK TO {name}").ExecuteNonQuery();
        Release(name);
    }
}
