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

        return WriteSettingAsync(CatalogChanges.Repositories,
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

    /// <inheritdoc />
    public Task<bool> RemoveRepositoryAsync(string name, CancellationToken cancellationToken) =>
        WriteSettingAsync(CatalogChanges.Repositories,
            async (connection, token) =>
            {
                // FOR UPDATE conflicts with the FOR KEY SHARE every write into the repository takes: commits and review items
                // under way on any node finish first, and those that come later wait, then find the repository gone.
                await using (var lockRow = connection.Command("SELECT 1 FROM repositories WHERE name = @name FOR UPDATE").Bind("name", name))
                {
                    if (await lockRow.ExecuteScalarAsync(token).ConfigureAwait(false) is null)
                    {
                        return false;
                    }
                }

                await using (var writers = connection.Command("SELECT count(*) FROM accounts WHERE repository = @name").Bind("name", name))
                {
                    if ((long)(await writers.ExecuteScalarAsync(token).ConfigureAwait(false))! > 0)
                    {
                        throw new InvalidOperationException($"Repository '{name}' cannot be removed while accounts write to it.");
                    }
                }

                // Children first: the foreign keys of oclc_numbers, content_keys and record_versions point at records.
                await using var remove = connection.Command(
                        """
                        DELETE FROM oclc_numbers WHERE repository = @name;
                        DELETE FROM content_keys WHERE repository = @name;
                        DELETE FROM record_versions WHERE record_id IN (SELECT id FROM records WHERE repository = @name);
                        DELETE FROM records WHERE repository = @name;
                        DELETE FROM review_items WHERE repository = @name;
                        DELETE FROM repositories WHERE name = @name;
                        """)
                    .Bind("name", name);
                await remove.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
