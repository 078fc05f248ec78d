using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> ListReceiptsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"""
                        SELECT {ReceiptColumns}
                        FROM receipts WHERE id > @after ORDER BY id LIMIT @limit
                        """)
                    .Bind("after", after)
                    .Bind("limit", (long?)limit);
                return await ReadReceiptsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListAllReviewItemsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {ReviewItemColumns} FROM review_items WHERE id > @after ORDER BY id LIMIT @limit")
                    .Bind("after", after)
                    .Bind("limit", (long?)limit);
                return await ReadReviewItemsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportRecordHistoryAsync(StoredRecord current, IReadOnlyList<RecordVersion> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count != current.Version || versions.Where((v, i) => v.Version != i + 1 || v.Id != current.Id).Any())
        {
            throw new ArgumentException($"Record {current.Id} needs versions 1 to {current.Version}, in order.", nameof(versions));
        }

        var contents = versions.Select(v => v.Content.ToArray()).ToArray();
        long[] numbers = [.. current.OclcNumbers.Select(n => n.Value).Distinct().Order()];
        return WriteAsync(
            async (connection, token) =>
            {
                await RequireRepositoryAsync(connection, current.Repository, token).ConfigureAwait(false);
                await using (var insert = connection.Command(
                        """
                        INSERT INTO records (id, repository, version, created, updated) VALUES (@id, @repository, @version, @created, @updated)
                        ON CONFLICT (id) DO NOTHING
                        """)
                    .Bind("id", current.Id.Value)
                    .Bind("repository", current.Repository)
                    .Bind("version", current.Version)
                    .Bind("created", current.Created)
                    .Bind("updated", current.Updated))
                {
                    if (await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                    {
                        return new Written<bool>(false, Keep: false);
                    }
                }

                for (var i = 0; i < versions.Count; i++)
                {
                    var version = versions[i];
                    await using var insertVersion = connection.Command(
                            """
                            INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at, action, logon_id, user_id)
                            VALUES (@id, @version, @content, @hash, @numbered, @at, @action, @logon, @user)
                            """)
                        .Bind("id", current.Id.Value)
                        .Bind("version", version.Version)
                        .Bind("content", contents[i])
                        .Bind("hash", version.ContentHash)
                        .Bind("numbered", numbers.Length > 0)
                        .Bind("at", version.At)
                        .Bind("action", FormatAction(version.Action))
                        .Bind("logon", version.LogonId)
                        .Bind("user", version.UserId);
                    await insertVersion.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                // A record without numbers claims its content's key when no other record holds it, as a matching add would.
                await using (var index = connection.Command(
                        """
                        INSERT INTO oclc_numbers (repository, oclc_number, record_id)
                        SELECT @repository, n, @id FROM unnest(@numbers) AS t (n)
                        ON CONFLICT DO NOTHING;
                        INSERT INTO content_keys (repository, content_hash, record_id)
                        SELECT @repository, @hash, @id WHERE cardinality(@numbers) = 0
                        ON CONFLICT DO NOTHING;
                        """)
                    .Bind("repository", current.Repository)
                    .Bind("id", current.Id.Value)
                    .Bind("numbers", numbers)
                    .Bind("hash", versions[^1].ContentHash))
                {
                    if (await RowsWrittenAsync(index, token).ConfigureAwait(false) < numbers.Length)
                    {
                        throw new InvalidOperationException($"Another record of {current.Repository} holds one of record {current.Id}'s OCLC numbers.");
                    }
                }

                // Later adds take ids after every id written here.
                await using (var sequence = connection.Command("SELECT setval(pg_get_serial_sequence('records', 'id'), (SELECT max(id) FROM records))"))
                {
                    await sequence.ExecuteScalarAsync(token).ConfigureAwait(false);
                }

                return new Written<bool>(true, Keep: true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(receipt.Id);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO receipts (id, at, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id)
                        VALUES (@id, @at, @peer, @logon, @user, @ok, @action, @code, @repository, @record, @oclc, @message, @correlation)
                        ON CONFLICT (id) DO NOTHING;
                        SELECT setval(pg_get_serial_sequence('receipts', 'id'), (SELECT max(id) FROM receipts));
                        """)
                    .Bind("id", receipt.Id)
                    .BindReceipt(receipt);
                return await RowsWrittenAsync(command, token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(item.Id);
        var content = item.Content.ToArray();
        long[] candidates = [.. item.CandidateIds.Select(c => c.Value)];
        var resolution = item.Resolution;
        return WriteAsync(
            async (connection, token) =>
            {
                await RequireRepositoryAsync(connection, item.Repository, token).ConfigureAwait(false);
                await using var command = connection.Command(
                        """
                        INSERT INTO review_items (id, repository, at, content, candidate_ids, reason, logon_id, user_id, peer_address,
                                                  resolved, resolved_by, resolution, resolved_record_id)
                        VALUES (@id, @repository, @at, @content, @candidates, @reason, @logon, @user, @peer, @resolved, @by, @decision, @record)
                        ON CONFLICT (id) DO NOTHING;
                        SELECT setval(pg_get_serial_sequence('review_items', 'id'), (SELECT max(id) FROM review_items));
                        """)
                    .Bind("id", item.Id)
                    .Bind("repository", item.Repository)
                    .Bind("at", item.At)
                    .Bind("content", content)
                    .Bind("candidates", candidates)
                    .Bind("reason", item.Reason)
                    .Bind("logon", item.LogonId)
                    .Bind("user", item.UserId)
                    .Bind("peer", item.PeerAddress)
                    .Bind("resolved", resolution?.At)
                    .Bind("by", resolution?.ResolvedBy)
                    .Bind("decision", resolution is null ? null : FormatDecision(resolution.Decision))
                    .Bind("record", resolution?.RecordId?.Value);
                return await RowsWrittenAsync(command, token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <summary>Runs every statement of the command; how many rows its inserts wrote.</summary>
    private static async Task<int> RowsWrittenAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        // A SELECT (setval) adds nothing to the rows affected.
        return reader.RecordsAffected;
    }
}
