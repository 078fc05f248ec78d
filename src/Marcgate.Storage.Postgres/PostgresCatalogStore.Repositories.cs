using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const int MaxRepositoryNameLength = 64;

    /// <inheritdoc />
    public Task<bool> AddRepositoryAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxRepositoryNameLength)
        {
            throw new ArgumentException($"A repository name has at most {MaxRepositoryNameLength} characters; '{name}' has {name.Length}.", nameof(name));
        }

        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("INSERT INTO repositories (name, created) VALUES (@name, @at) ON CONFLICT (name) DO NOTHING")
                    .Bind("name", name)
                    .Bind("at", at);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CatalogRepository>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<CatalogRepository>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT name, created FROM repositories ORDER BY name");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var repositories = new List<CatalogRepository>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    repositories.Add(new CatalogRepository(reader.GetString(0), reader.GetTime(1)));
                }

                return repositories;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RepositoryExistsAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT 1 FROM repositories WHERE name = @name").Bind("name", name);
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is not null;
            },
            cancellationToken);
}
