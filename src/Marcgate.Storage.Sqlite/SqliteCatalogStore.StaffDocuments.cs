using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<bool> AddStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken)
    {
        CheckStaffDocument(document);
        return WriteAsync(
            session => BindStaffDocument(session.Command("INSERT INTO staff_documents (owner, kind, key, value, updated_us) VALUES ($owner, $kind, $key, $value, $updated) ON CONFLICT (owner, kind, key) DO NOTHING"), document)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken)
    {
        CheckStaffDocument(document);
        return WriteAsync(
            session => BindStaffDocument(session.Command("INSERT INTO staff_documents (owner, kind, key, value, updated_us) VALUES ($owner, $kind, $key, $value, $updated) ON CONFLICT (owner, kind, key) DO UPDATE SET value = excluded.value, updated_us = excluded.updated_us"), document)
                .ExecuteNonQuery(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StaffDocument?> GetStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                using var reader = session.Command("SELECT owner, kind, key, value, updated_us FROM staff_documents WHERE owner = $owner AND kind = $kind AND key = $key")
                    .Bind("$owner", owner).Bind("$kind", kind).Bind("$key", key).ExecuteReader();
                return reader.Read() ? ReadStaffDocument(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffDocument>> ListStaffDocumentsAsync(string owner, string kind, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffDocument>>(
            session =>
            {
                using var reader = session.Command("SELECT owner, kind, key, value, updated_us FROM staff_documents WHERE owner = $owner AND kind = $kind ORDER BY key")
                    .Bind("$owner", owner).Bind("$kind", kind).ExecuteReader();
                var documents = new List<StaffDocument>();
                while (reader.Read())
                {
                    documents.Add(ReadStaffDocument(reader));
                }

                return documents;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffDocument>> ListAllStaffDocumentsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffDocument>>(
            session =>
            {
                using var reader = session.Command("SELECT owner, kind, key, value, updated_us FROM staff_documents ORDER BY owner, kind, key").ExecuteReader();
                var documents = new List<StaffDocument>();
                while (reader.Read())
                {
                    documents.Add(ReadStaffDocument(reader));
                }

                return documents;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken) =>
        WriteAsync(
            session => session.Command("DELETE FROM staff_documents WHERE owner = $owner AND kind = $kind AND key = $key")
                .Bind("$owner", owner).Bind("$kind", kind).Bind("$key", key).ExecuteNonQuery() == 1,
            cancellationToken);

    /// <inheritdoc />
    public Task<int> RemoveStaffDocumentsAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return WriteAsync(
            session => session.Command("DELETE FROM staff_documents WHERE owner = $owner").Bind("$owner", owner).ExecuteNonQuery(),
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

    private static SqliteCommand BindStaffDocument(SqliteCommand command, StaffDocument document) =>
        command.Bind("$owner", document.Owner)
            .Bind("$kind", document.Kind)
            .Bind("$key", document.Key)
            .Bind("$value", document.Value)
            .Bind("$updated", SqliteTime.ToMicroseconds(document.Updated));

    private static StaffDocument ReadStaffDocument(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), SqliteTime.FromMicroseconds(reader.GetInt64(4)));
}
