using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string RecordSelect =
        """
        SELECT r.id, r.repository, r.version, v.content, v.content_hash, r.created, r.updated,
               ARRAY(SELECT o.oclc_number FROM oclc_numbers o WHERE o.record_id = r.id ORDER BY o.oclc_number)
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

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        // Read together with the look-ups of concurrent imports: one statement for all their numbers.
        return _matches.FindAsync(repository, [.. numbers.Select(n => n.Value).Distinct()], cancellationToken);
    }

    // One probe of the primary key per number, on both its columns: with oclc_number = ANY (@numbers), a plan made
    // while the table was small (the generic plan kept for the session, or a custom one before the first ANALYZE) read
    // every number of the repository through the key's first column, a look-up that grew with the catalog (2 ms at
    // 15,000 records, 10 ms at 35,000). The LIMIT keeps the subquery a probe of its own, whatever the estimates.
    internal static NpgsqlCommand FindByOclcNumbersCommand(NpgsqlConnection connection, string repository, long[] numbers) =>
        connection.Command($"""
                {RecordSelect}
                WHERE r.id IN (SELECT o.record_id FROM unnest(@numbers) AS t (n),
                               LATERAL (SELECT record_id FROM oclc_numbers WHERE repository = @repository AND oclc_number = t.n LIMIT 1) AS o)
                ORDER BY r.id
                """)
            .Bind("repository", repository)
            .Bind("numbers", numbers);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> FindByContentHashAsync(string repository, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);

        // The partial index on record_versions (content_hash, …) of versions without OCLC numbers finds them; the join keeps current ones.
        return ReadAsync(
            (connection, token) => ReadRecordsAsync(
                connection.Command($"""
                        {RecordSelect}
                        WHERE v.content_hash = @hash AND NOT v.oclc_numbered AND r.repository = @repository
                        ORDER BY r.id
                        """)
                    .Bind("repository", repository)
                    .Bind("hash", contentHash),
                token),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRecord?> GetRecordAsync(string repository, RecordId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) => (await ReadRecordsAsync(
                    connection.Command($"{RecordSelect} WHERE r.id = @id AND r.repository = @repository")
                        .Bind("id", id.Value)
                        .Bind("repository", repository),
                    token).ConfigureAwait(false))
                .SingleOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string repository, RecordId? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            (connection, token) => ReadRecordsAsync(
                connection.Command($"{RecordSelect} WHERE r.repository = @repository AND r.id > @after ORDER BY r.id LIMIT @limit")
                    .Bind("repository", repository)
                    .Bind("after", after?.Value ?? 0)
                    .Bind("limit", (long?)limit),
                token),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountRecordsAsync(string repository, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT count(*) FROM records WHERE repository = @repository").Bind("repository", repository);
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordVersion>> GetHistoryAsync(string repository, RecordId id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<RecordVersion>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("""
                        SELECT v.version, v.content, v.content_hash, v.at, v.action, v.logon_id, v.user_id
                        FROM record_versions v JOIN records r ON r.id = v.record_id
                        WHERE r.id = @id AND r.repository = @repository
                        ORDER BY v.version
                        """)
                    .Bind("id", id.Value)
                    .Bind("repository", repository);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var versions = new List<RecordVersion>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    versions.Add(new RecordVersion(
                        id,
                        reader.GetInt32(0),
                        reader.GetFieldValue<byte[]>(1),
                        reader.GetString(2),
                        reader.GetTime(3),
                        ParseAction(reader.GetString(4)),
                        reader.GetNullableString(5),
                        reader.GetNullableString(6)));
                }

                return versions;
            },
            cancellationToken);

    private static async Task<IReadOnlyList<StoredRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var records = new List<StoredRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new StoredRecord(
                    new RecordId(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetFieldValue<byte[]>(3),
                    reader.GetString(4),
                    [.. reader.GetFieldValue<long[]>(7).Select(n => new OclcNumber(n))],
                    reader.GetTime(5),
                    reader.GetTime(6)));
            }

            return records;
        }
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
