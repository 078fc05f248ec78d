using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
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

        return WriteSettingAsync(
            session => session.Command("INSERT INTO repositories (name, created_us) VALUES ($name, $at) ON CONFLICT (name) DO NOTHING")
                .Bind("$name", name)
                .Bind("$at", SqliteTime.ToMicroseconds(at))
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CatalogRepository>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<CatalogRepository>>(
            session =>
            {
                var command = session.Command("SELECT name, created_us FROM repositories ORDER BY name");
                using var reader = command.ExecuteReader();
                var repositories = new List<CatalogRepository>();
                while (reader.Read())
                {
                    repositories.Add(new CatalogRepository(reader.GetString(0), SqliteTime.FromMicroseconds(reader.GetInt64(1))));
                }

                return repositories;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RepositoryExistsAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var command = session.Command("SELECT 1 FROM repositories WHERE name = $name").Bind("$name", name);
                return command.ExecuteScalar() is not null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveRepositoryAsync(string name, CancellationToken cancellationToken) =>
        WriteSettingAsync(
            session =>
            {
                var writers = session.Command("SELECT count(*) FROM accounts WHERE repository = $name").Bind("$name", name).ExecuteScalar();
                if (Convert.ToInt64(writers, System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    throw new InvalidOperationException($"Repository '{name}' cannot be removed while accounts write to it.");
                }

                // Children first: the foreign keys of oclc_numbers and record_versions point at records.
                session.Command("DELETE FROM oclc_numbers WHERE repository = $name").Bind("$name", name).ExecuteNonQuery();
                session.Command("DELETE FROM record_versions WHERE record_id IN (SELECT id FROM records WHERE repository = $name)").Bind("$name", name).ExecuteNonQuery();
                session.Command("DELETE FROM records WHERE repository = $name").Bind("$name", name).ExecuteNonQuery();
                session.Command("DELETE FROM review_items WHERE repository = $name").Bind("$name", name).ExecuteNonQuery();
                var removed = session.Command("DELETE FROM repositories WHERE name = $name").Bind("$name", name).ExecuteNonQuery() == 1;
                session.KnownRepositories.Remove(name);
                return removed;
            },
            cancellationToken);
}
