using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string RecordSelect =
        """
        SELECT r.id, r.repository, r.version, v.content, v.content_hash, r.created_us, r.updated_us,
               (SELECT json_group_array(o.oclc_number) FROM oclc_numbers o WHERE o.record_id = r.id)
        FROM records r
        JOIN record_versions v ON v.record_id = r.id AND v.version = r.version
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> FindByOclcNumbersAsync(string repository, IReadOnlyCollection<OclcNumber> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StoredRecord>>([]);
        }

        var numbersJson = JsonList.FromNumbers(numbers.Select(n => n.Value).Distinct());
        return ReadAsync(
            session => ReadRecords(session.Command($"""
                    {RecordSelect}
                    WHERE r.id IN (SELECT record_id FROM oclc_numbers
                                   WHERE repository = $repository AND oclc_number IN (SELECT value FROM json_each($numbers)))
                    ORDER BY r.id
                    """)
                .Bind("$repository", repository)
                .Bind("$numbers", numbersJson)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> FindByContentHashAsync(string repository, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        // Migration 0004's partial index on record_versions (content_hash, …) of versions without OCLC numbers finds
        // them; the join keeps current ones.
        return ReadAsync(
            session => ReadRecords(session.Command($"""
                    {RecordSelect}
                    WHERE v.content_hash = $hash AND v.oclc_numbered = 0 AND r.repository = $repository
                    ORDER BY r.id
                    """)
                .Bind("$repository", repository)
                .Bind("$hash", contentHash)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRecord?> GetRecordAsync(string repository, RecordId id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => ReadRecords(session.Command($"{RecordSelect} WHERE r.id = $id AND r.repository = $repository")
                    .Bind("$id", id.Value)
                    .Bind("$repository", repository))
                .SingleOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string repository, RecordId? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            session => ReadRecords(session.Command($"{RecordSelect} WHERE r.repository = $repository AND r.id > $after ORDER BY r.id LIMIT $limit")
                .Bind("$repository", repository)
                .Bind("$after", after?.Value ?? 0)
                .Bind("$limit", limit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountRecordsAsync(string repository, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var command = session.Command("SELECT count(*) FROM records WHERE repository = $repository").Bind("$repository", repository);
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordVersion>> GetHistoryAsync(string repository, RecordId id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<RecordVersion>>(
            session =>
            {
                var command = session.Command("""
                        SELECT v.version, v.content, v.content_hash, v.at_us, v.action, v.logon_id, v.user_id
                        FROM record_versions v JOIN records r ON r.id = v.record_id
                        WHERE r.id = $id AND r.repository = $repository
                        ORDER BY v.version
                        """)
                    .Bind("$id", id.Value)
                    .Bind("$repository", repository);
                using var reader = command.ExecuteReader();
                var versions = new List<RecordVersion>();
                while (reader.Read())
                {
                    versions.Add(new RecordVersion(
                        id,
                        reader.GetInt32(0),
                        reader.GetFieldValue<byte[]>(1),
                        reader.GetString(2),
                        SqliteTime.FromMicroseconds(reader.GetInt64(3)),
                        ParseAction(reader.GetString(4)),
                        reader.GetNullableString(5),
                        reader.GetNullableString(6)));
                }

                return versions;
            },
            cancellationToken);

    private static IReadOnlyList<StoredRecord> ReadRecords(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<StoredRecord>();
        while (reader.Read())
        {
            var numbers = JsonList.ToNumbers(reader.GetString(7));
            Array.Sort(numbers);
            records.Add(new StoredRecord(
                new RecordId(reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetFieldValue<byte[]>(3),
                reader.GetString(4),
                [.. numbers.Select(n => new OclcNumber(n))],
                SqliteTime.FromMicroseconds(reader.GetInt64(5)),
                SqliteTime.FromMicroseconds(reader.GetInt64(6))));
        }

        return records;
    }

    private static RecordAction ParseAction(string action) => action switch
    {
        "added" => RecordAction.Added,
        "overlaid" => RecordAction.Overlaid,
        _ => throw new CatalogStoreException($"Unknown record action '{action}' in record_versions."),
    };

    private static string FormatAction(RecordAction action) => action switch
    {
        RecordAction.Added => "added",
        RecordAction.Overlaid => "overlaid",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
