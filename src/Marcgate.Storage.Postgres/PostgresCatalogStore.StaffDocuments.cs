using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<bool> AddStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken)
    {
        CheckStaffDocument(document);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = BindStaffDocument(connection.Command("INSERT INTO staff_documents (owner, kind, key, value, updated) VALUES (@owner, @kind, @key, @value, @updated) ON CONFLICT (owner, kind, key) DO NOTHING"), document);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken)
    {
        CheckStaffDocument(document);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = BindStaffDocument(connection.Command("INSERT INTO staff_documents (owner, kind, key, value, updated) VALUES (@owner, @kind, @key, @value, @updated) ON CONFLICT (owner, kind, key) DO UPDATE SET value = excluded.value, updated = excluded.updated"), document);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StaffDocument?> GetStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT owner, kind, key, value, updated FROM staff_documents WHERE owner = @owner AND kind = @kind AND key = @key")
                    .Bind("owner", owner).Bind("kind", kind).Bind("key", key);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? ReadStaffDocument(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffDocument>> ListStaffDocumentsAsync(string owner, string kind, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffDocument>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT owner, kind, key, value, updated FROM staff_documents WHERE owner = @owner AND kind = @kind ORDER BY key")
                    .Bind("owner", owner).Bind("kind", kind);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var documents = new List<StaffDocument>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    documents.Add(ReadStaffDocument(reader));
                }

                return documents;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffDocument>> ListAllStaffDocumentsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffDocument>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT owner, kind, key, value, updated FROM staff_documents ORDER BY owner, kind, key");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var documents = new List<StaffDocument>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    documents.Add(ReadStaffDocument(reader));
                }

                return documents;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM staff_documents WHERE owner = @owner AND kind = @kind AND key = @key")
                    .Bind("owner", owner).Bind("kind", kind).Bind("key", key);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> RemoveStaffDocumentsAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM staff_documents WHERE owner = @owner").Bind("owner", owner);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static void CheckStaffDocument(StaffDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Owner);
        ArgumentException.ThrowIfNullOrEmpty(document.Kind);
        ArgumentException.ThrowIfNullOrEmpty(document.Key);
        ArgumentNullException.ThrowIfNull(document.Value);
    }

    private static NpgsqlCommand BindStaffDocument(NpgsqlCommand command, StaffDocument document) =>
        command.Bind("owner", document.Owner)
            .Bind("kind", document.Kind)
            .Bind("key", document.Key)
            .Bind("value", document.Value)
            .Bind("updated", PostgresTime.ToStored(document.Updated));

    private static StaffDocument ReadStaffDocument(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetTime(4));
}
