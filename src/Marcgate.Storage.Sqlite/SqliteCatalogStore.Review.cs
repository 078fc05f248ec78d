using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<ReviewItem> AddReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var content = item.Content.ToArray();
        var candidates = JsonList.FromNumbers(item.CandidateIds.Select(c => c.Value));
        return WriteAsync(
            session =>
            {
                RequireRepository(session, item.Repository);
                var id = (long)session.Command(
                        """
                        INSERT INTO review_items (repository, at_us, content, candidate_ids, reason, logon_id, user_id, peer_address)
                        VALUES ($repository, $at, $content, $candidates, $reason, $logon, $user, $peer)
                        RETURNING id
                        """)
                    .Bind("$repository", item.Repository)
                    .Bind("$at", SqliteTime.ToMicroseconds(item.At))
                    .Bind("$content", content)
                    .Bind("$candidates", candidates)
                    .Bind("$reason", item.Reason)
                    .Bind("$logon", item.LogonId)
                    .Bind("$user", item.UserId)
                    .Bind("$peer", item.PeerAddress)
                    .ExecuteScalar()!;
                return item with { Id = id };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListReviewItemsAsync(string? repository, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<ReviewItem>>(
            session =>
            {
                var command = session.Command("""
                        SELECT id, repository, at_us, content, candidate_ids, reason, logon_id, user_id, peer_address
                        FROM review_items WHERE $repository IS NULL OR repository = $repository
                        ORDER BY id LIMIT $limit
                        """)
                    .Bind("$repository", repository)
                    .Bind("$limit", limit);
                using var reader = command.ExecuteReader();
                var items = new List<ReviewItem>();
                while (reader.Read())
                {
                    items.Add(new ReviewItem(
                        reader.GetString(1),
                        reader.GetFieldValue<byte[]>(3),
                        [.. JsonList.ToNumbers(reader.GetString(4)).Select(n => new RecordId(n))],
                        reader.GetString(5),
                        SqliteTime.FromMicroseconds(reader.GetInt64(2)))
                    {
                        Id = reader.GetInt64(0),
                        LogonId = reader.GetNullableString(6),
                        UserId = reader.GetNullableString(7),
                        PeerAddress = reader.GetNullableString(8),
                    });
                }

                return items;
            },
            cancellationToken);
    }
}
