using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>The writer's connection and its prepared commands, reused for every batch so each statement is compiled once.</summary>
internal sealed class WriterSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>Repositories seen to exist; they are never removed, so the writer asks the database only once per name.</summary>
    public HashSet<string> KnownRepositories { get; } = new(StringComparer.Ordinal);

    /// <summary>The batch's transaction while a batch runs.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>A prepared command for the text, bound to the batch's transaction, with no parameters yet.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
