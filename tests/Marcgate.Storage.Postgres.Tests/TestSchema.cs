using System.Text;
using Npgsql;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>
/// A schema of its own on the test cluster (<c>MARCGATE_TEST_PG</c>, started by <c>./test.sh</c>), so each test sees
/// only its own tables; dropped on dispose.
/// </summary>
internal sealed class TestSchema : IAsyncDisposable
{
    public const string EnvironmentVariable = "MARCGATE_TEST_PG";

    private TestSchema(string serverConnectionString, string name)
    {
        ServerConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = name }.ConnectionString;
    }

    /// <summary>The cluster's connection string, without the schema.</summary>
    public string ServerConnectionString { get; }

    public string Name { get; }

    /// <summary>A connection string whose tables live in this schema.</summary>
    public string ConnectionString { get; }

    public PostgresConnectionString Location => PostgresConnectionString.Parse(ConnectionString);

    /// <summary>The cluster's connection string; fails (never skips) when the test cluster is not running.</summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL store's tests need a server. Run ./test.sh, which starts a throwaway "
                + $"PostgreSQL cluster and exports {EnvironmentVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");

    public static async Task<TestSchema> CreateAsync()
    {
        var schema = new TestSchema(Server(), "test_" + Guid.NewGuid().ToString("N"));
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Name}");
        return schema;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every value of every table of the schema: text as UTF-8, byte arrays as they are.</summary>
    public async Task<byte[]> DumpAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name", connection))
        {
            list.Parameters.AddWithValue("schema", Name);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var dump = new MemoryStream();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT * FROM {Name}.{table}", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var bytes = reader.GetValue(i) switch
                    {
                        byte[] raw => raw,
                        Array array => Encoding.UTF8.GetBytes(string.Join(",", array.Cast<object>())),
                        var value => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    };
                    dump.Write(bytes);
                    dump.WriteByte((byte)'\n');
                }
            }
        }

        return dump.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE");
    }
}
