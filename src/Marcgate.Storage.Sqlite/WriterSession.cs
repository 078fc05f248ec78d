using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>The writer's connection and its prepared commands, reused for every batch so each statement is compiled once.</summary>
internal sealed class WriterSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
