using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>A connection and its prepared commands, reused so each statement is compiled once per connection, not once per call.</summary>
internal class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The transaction commands run in, when one is open.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>A prepared command for the text, bound to the session's transaction; the session owns it.</summary>
    /// <remarks>Its parameters keep the values of its last run: every caller binds all of them (<see cref="SqliteCommandExtensions.Bind"/>).</remarks>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        connection.Dispose();
    }
}
