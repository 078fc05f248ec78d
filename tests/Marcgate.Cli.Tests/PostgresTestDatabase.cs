using System.Globalization;
using Npgsql;

namespace Marcgate.Cli.Tests;

/// <summary>A database of a test's own on the test cluster (<c>MARCGATE_TEST_PG</c>, started by <c>./test.sh</c>), dropped afterwards.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server;

    private PostgresTestDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("MARCGATE_TEST_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("MARCGATE_TEST_PG is not set: this test needs a PostgreSQL server. Run ./test.sh, which starts a throwaway cluster and exports it.");
        var database = new PostgresTestDatabase(new NpgsqlConnectionStringBuilder(server), prefix + Guid.NewGuid().ToString("N"));
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>The database as <c>--store</c> takes it; the cluster trusts loopback logins, so any password connects.</summary>
    public string Url(string? password = null) => string.Create(CultureInfo.InvariantCulture,
        $"postgres://{_server.Username}{(password is null ? string.Empty : ":" + password)}@{_server.Host}:{_server.Port}/{Name}");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
