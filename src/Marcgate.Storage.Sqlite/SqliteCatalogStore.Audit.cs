using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string AuditColumns = "id, at_us, actor, actor_kind, action, subject_kind, subject_name, detail";

    /// <inheritdoc />
    public Task<AuditEntry> AppendAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        CheckAuditEntry(entry);
        return WriteAsync(
            session =>
            {
                // The store's clock is this process's: the writer stamps the entry as it writes it, so ids and times keep one order.
                var at = SqliteTime.FromMicroseconds(SqliteTime.ToMicroseconds(DateTimeOffset.UtcNow));
                var id = (long)BindAuditEntry(
                        session.Command(
                            """
                            INSERT INTO admin_audit (at_us, actor, actor_kind, action, subject_kind, subject_name, detail)
                            VALUES ($at, $actor, $actorKind, $action, $subjectKind, $subjectName, $detail)
                            RETURNING id
                            """),
                        entry with { At = at })
                    .ExecuteScalar()!;
                return entry with { Id = id, At = at };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        return ReadAsync(
            session => ReadAuditEntries(session.Command($"""
                    SELECT {AuditColumns} FROM admin_audit
                    WHERE ($subjectKind IS NULL OR subject_kind = $subjectKind)
                      AND ($subjectName IS NULL OR subject_name = $subjectName)
                      AND ($since IS NULL OR at_us >= $since)
                    ORDER BY id DESC LIMIT $count
                    """)
                .Bind("$subjectKind", query.SubjectKind is { } kind ? AuditNames.Subject(kind) : null)
                .Bind("$subjectName", query.SubjectName)
                .Bind("$since", query.Since is { } since ? SqliteTime.ToMicroseconds(since) : null)
                .Bind("$count", query.Limit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            session => ReadAuditEntries(session.Command($"SELECT {AuditColumns} FROM admin_audit WHERE id > $after ORDER BY id LIMIT $count")
                .Bind("$after", after)
                .Bind("$count", limit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        CheckAuditEntry(entry);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entry.Id);
        return WriteAsync(
            session => BindAuditEntry(
                        session.Command(
                            """
                            INSERT INTO admin_audit (id, at_us, actor, actor_kind, action, subject_kind, subject_name, detail)
                            VALUES ($id, $at, $actor, $actorKind, $action, $subjectKind, $subjectName, $detail)
                            ON CONFLICT (id) DO NOTHING
                            """),
                        entry)
                    .Bind("$id", entry.Id)
                    .ExecuteNonQuery() == 1,
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

    private static SqliteCommand BindAuditEntry(SqliteCommand command, AuditEntry entry) =>
        command
            .Bind("$at", SqliteTime.ToMicroseconds(entry.At))
            .Bind("$actor", entry.Actor)
            .Bind("$actorKind", AuditNames.Actor(entry.ActorKind))
            .Bind("$action", entry.Action)
            .Bind("$subjectKind", AuditNames.Subject(entry.SubjectKind))
            .Bind("$subjectName", entry.SubjectName)
            .Bind("$detail", entry.Detail);

    private static IReadOnlyList<AuditEntry> ReadAuditEntries(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(ReadAuditEntry(reader));
        }

        return entries;
    }

    private static AuditEntry ReadAuditEntry(SqliteDataReader reader)
    {
        AuditNames.TryParseActor(reader.GetString(3), out var actorKind);
        AuditNames.TryParseSubject(reader.GetString(5), out var subjectKind);
        return new AuditEntry(reader.GetString(2), actorKind, reader.GetString(4), subjectKind, reader.GetString(6), reader.GetString(7))
        {
            Id = reader.GetInt64(0),
            At = SqliteTime.FromMicroseconds(reader.GetInt64(1)),
        };
    }
}
