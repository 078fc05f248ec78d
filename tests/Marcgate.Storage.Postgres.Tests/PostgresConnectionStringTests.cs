using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>URLs and keyword strings are read alike, and the password is in no message, display or exception.</summary>
public sealed class PostgresConnectionStringTests
{
    private const string Password = "s3cret-Pa55word-marker";

    [Fact]
    public void A_url_is_shown_without_its_password()
    {
        var location = PostgresConnectionString.Parse($"postgres://marcgate:{Password}@db.example.org:5433/catalog?sslmode=require");

        Assert.Equal("postgres://marcgate@db.example.org:5433/catalog", location.Display);
        Assert.Equal(location.Display, location.ToString());
        Assert.DoesNotContain(Password, location.Display, StringComparison.Ordinal);
        Assert.Contains(Password, location.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("SSL Mode=Require", location.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_keyword_string_is_shown_as_a_url_without_its_password()
    {
        var masked = PostgresConnectionString.Mask($"Host=127.0.0.1;Port=5432;Username=postgres;Password={Password};Database=marcgate");

        Assert.Equal("postgres://postgres@127.0.0.1:5432/marcgate", masked);
    }

    [Fact]
    public void A_url_with_escaped_characters_reads_them()
    {
        var location = PostgresConnectionString.Parse("postgresql://cat%40loger:p%3Ass@[::1]/my%20db");

        Assert.Equal("postgres://cat%40loger@[::1]:5432/my%20db", location.Display);
        Assert.Contains("Password=p:ss", location.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("Host=;Password=" + Password)]
    [InlineData("Nonsense=1;Password=" + Password)]
    [InlineData("postgres://u:" + Password + "@host/db?nonsense=1")]
    public void A_string_that_does_not_parse_is_refused_without_repeating_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionString.Parse(text));

        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, PostgresConnectionString.Mask(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_without_showing_the_password()
    {
        // A port nothing listens on (bound, then released).
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
        socket.Dispose();
        var location = PostgresConnectionString.Parse($"postgres://marcgate:{Password}@127.0.0.1:{port}/catalog?timeout=3");

        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => PostgresCatalogStore.OpenAsync(location));

        Assert.Contains("postgres://marcgate@127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_fails_without_showing_the_password()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestSchema.Server()) { Database = "marcgate_missing_" + Guid.NewGuid().ToString("N"), Password = Password };

        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(server.ConnectionString)));

        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }
}
