using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> ListReceiptsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            session => ReadReceipts(session.Command($"""
                    SELECT {ReceiptColumns}
                    FROM receipts WHERE id > $after ORDER BY id LIMIT $limit
                    """)
                .Bind("$after", after)
                .Bind("$limit", limit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListAllReviewItemsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            session => ReadReviewItems(session.Command($"SELECT {ReviewItemColumns} FROM review_items WHERE id > $after ORDER BY id LIMIT $limit")
                .Bind("$after", after)
                .Bind("$limit", limit)),
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
        var numbersJson = JsonList.FromNumbers(current.OclcNumbers.Select(n => n.Value).Distinct());
        var numbered = current.OclcNumbers.Count > 0 ? 1 : 0;
        return WriteAsync(
            session =>
            {
                RequireRepository(session, current.Repository);
                if (session.Command("SELECT 1 FROM records WHERE id = $id").Bind("$id", current.Id.Value).ExecuteScalar() is not null)
                {
                    return false;
                }

                // An explicit id raises the AUTOINCREMENT counter, so later adds take ids after it.
                session.Command("INSERT INTO records (id, repository, version, created_us, updated_us) VALUES ($id, $repository, $version, $created, $updated)")
                    .Bind("$id", current.Id.Value)
                    .Bind("$repository", current.Repository)
                    .Bind("$version", current.Version)
                    .Bind("$created", SqliteTime.ToMicroseconds(current.Created))
                    .Bind("$updated", SqliteTime.ToMicroseconds(current.Updated))
                    .ExecuteNonQuery();
                for (var i = 0; i < versions.Count; i++)
                {
                    var version = versions[i];
                    session.Command(
                            """
                            INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at_us, action, logon_id, user_id)
                            VALUES ($id, $version, $content, $hash, $numbered, $at, $action, $logon, $user)
                            """)
                        .Bind("$id", current.Id.Value)
                        .Bind("$version", version.Version)
                        .Bind("$content", contents[i])
                        .Bind("$hash", version.ContentHash)
                        .Bind("$numbered", numbered)
                        .Bind("$at", SqliteTime.ToMicroseconds(version.At))
                        .Bind("$action", FormatAction(version.Action))
                        .Bind("$logon", version.LogonId)
                        .Bind("$user", version.UserId)
                        .ExecuteNonQuery();
                }

                try
                {
                    session.Command("INSERT INTO oclc_numbers (repository, oclc_number, record_id) SELECT $repository, value, $id FROM json_each($numbers)")
                        .Bind("$repository", current.Repository)
                        .Bind("$id", current.Id.Value)
                        .Bind("$numbers", numbersJson)
                        .ExecuteNonQuery();
                }
                catch (SqliteException error) when (error.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
                {
                    throw new InvalidOperationException($"Another record of {current.Repository} holds one of record {current.Id}'s OCLC numbers.", error);
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(receipt.Id);
        return WriteAsync(
            session =>
            {
                if (session.Command("SELECT 1 FROM receipts WHERE id = $id").Bind("$id", receipt.Id).ExecuteScalar() is not null)
                {
                    return false;
                }

                BindReceipt(
                        session.Command(
                            """
                            INSERT INTO receipts (id, at_us, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id)
                            VALUES ($id, $at, $peer, $logon, $user, $ok, $action, $code, $repository, $record, $oclc, $message, $correlation)
                            """),
                        receipt)
                    .Bind("$id", receipt.Id)
                    .ExecuteNonQuery();
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ImportReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(item.Id);
        var content = item.Content.ToArray();
        var candidates = JsonList.FromNumbers(item.CandidateIds.Select(c => c.Value));
        return WriteAsync(
            session =>
            {
                RequireRepository(session, item.Repository);
                if (session.Command("SELECT 1 FROM review_items WHERE id = $id").Bind("$id", item.Id).ExecuteScalar() is not null)
                {
                    return false;
                }

                var resolution = item.Resolution;
                session.Command(
                        """
                        INSERT INTO review_items (id, repository, at_us, content, candidate_ids, reason, logon_id, user_id, peer_address,
                                                  resolved_us, resolved_by, resolution, resolved_record_id)
                        VALUES ($id, $repository, $at, $content, $candidates, $reason, $logon, $user, $peer, $resolved, $by, $decision, $record)
                        """)
                    .Bind("$id", item.Id)
                    .Bind("$repository", item.Repository)
                    .Bind("$at", SqliteTime.ToMicroseconds(item.At))
                    .Bind("$content", content)
                    .Bind("$candidates", candidates)
                    .Bind("$reason", item.Reason)
                    .Bind("$logon", item.LogonId)
                    .Bind("$user", item.UserId)
                    .Bind("$peer", item.PeerAddress)
                    .Bind("$resolved", resolution is null ? null : SqliteTime.ToMicroseconds(resolution.At))
                    .Bind("$by", resolution?.ResolvedBy)
                    .Bind("$decision", resolution is null ? null : FormatDecision(resolution.Decision))
                    .Bind("$record", resolution?.RecordId?.Value)
                    .ExecuteNonQuery();
                return true;
            },
            cancellationToken);
    }
}
