using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string AuditColumns = "id, at, actor, actor_kind, action, subject_kind, subject_name, detail";

    /// <inheritdoc />
    public Task<AuditEntry> AppendAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        CheckAuditEntry(entry);
        return WriteAsync(
            async (connection, token) =>
            {
                // The store's clock is the database server's: nodes sharing the catalog stamp their entries by one clock.
                await using var command = connection.Command(
                        """
                        INSERT INTO admin_audit (at, actor, actor_kind, action, subject_kind, subject_name, detail)
                        VALUES (clock_timestamp(), @actor, @actorKind, @action, @subjectKind, @subjectName, @detail)
                        RETURNING id, at
                        """)
                    .BindAuditEntry(entry);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await reader.ReadAsync(token).ConfigureAwait(false);
                return entry with { Id = reader.GetInt64(0), At = reader.GetTime(1) };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"""
                        SELECT {AuditColumns} FROM admin_audit
                        WHERE (@subjectKind::text IS NULL OR subject_kind = @subjectKind)
                          AND (@subjectName::text IS NULL OR subject_name = @subjectName)
                          AND (@since::timestamptz IS NULL OR at >= @since)
                        ORDER BY id DESC LIMIT @count
                        """)
                    .Bind("subjectKind", query.SubjectKind is { } kind ? AuditNames.Subject(kind) : null)
                    .Bind("subjectName", query.SubjectName)
                    .Bind("since", query.Since)
                    .Bind("count", (long?)query.Limit);
                return await ReadAuditEntriesAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {AuditColumns} FROM admin_audit WHERE id > @after ORDER BY id LIMIT @count")
                    .Bind("after", (long?)after)
                    .Bind("count", (long?)limit);
                return await ReadAuditEntriesAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        CheckAuditEntry(entry);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entry.Id);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO admin_audit (id, at, actor, actor_kind, action, subject_kind, subject_name, detail)
                        VALUES (@id, @at, @actor, @actorKind, @action, @subjectKind, @subjectName, @detail)
                        ON CONFLICT (id) DO NOTHING;
                        SELECT setval(pg_get_serial_sequence('admin_audit', 'id'), (SELECT max(id) FROM admin_audit));
                        """)
                    .Bind("id", (long?)entry.Id)
                    .Bind("at", entry.At)
                    .BindAuditEntry(entry);
                return await RowsWrittenAsync(command, token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static void CheckAuditEntry(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        ArgumentException.ThrowIfNullOrEmpty(entry.SubjectName);
        ArgumentNullException.ThrowIfNull(entry.Detail);
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadAuditEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            AuditNames.TryParseActor(reader.GetString(3), out var actorKind);
            AuditNames.TryParseSubject(reader.GetString(5), out var subjectKind);
            entries.Add(new AuditEntry(reader.GetString(2), actorKind, reader.GetString(4), subjectKind, reader.GetString(6), reader.GetString(7))
            {
                Id = reader.GetInt64(0),
                At = reader.GetTime(1),
            });
        }

        return entries;
    }
}
