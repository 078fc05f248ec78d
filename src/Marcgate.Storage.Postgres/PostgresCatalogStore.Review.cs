using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<ReviewItem> AddReviewItemAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var content = item.Content.ToArray();
        long[] candidates = [.. item.CandidateIds.Select(c => c.Value)];
        return WriteAsync(
            async (connection, token) =>
            {
                await RequireRepositoryAsync(connection, item.Repository, token).ConfigureAwait(false);
                await using var command = connection.Command(
                        """
                        INSERT INTO review_items (repository, at, content, candidate_ids, reason, logon_id, user_id, peer_address)
                        VALUES (@repository, @at, @content, @candidates, @reason, @logon, @user, @peer)
                        RETURNING id
                        """)
                    .Bind("repository", item.Repository)
                    .Bind("at", item.At)
                    .Bind("content", content)
                    .Bind("candidates", candidates)
                    .Bind("reason", item.Reason)
                    .Bind("logon", item.LogonId)
                    .Bind("user", item.UserId)
                    .Bind("peer", item.PeerAddress);
                var id = (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
                return item with { Id = id };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListReviewItemsAsync(string? repository, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<ReviewItem>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("""
                        SELECT id, repository, at, content, candidate_ids, reason, logon_id, user_id, peer_address
                        FROM review_items WHERE @repository::text IS NULL OR repository = @repository
                        ORDER BY id LIMIT @limit
                        """)
                    .Bind("repository", repository)
                    .Bind("limit", (long?)limit);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var items = new List<ReviewItem>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    items.Add(new ReviewItem(
                        reader.GetString(1),
                        reader.GetFieldValue<byte[]>(3),
                        [.. reader.GetFieldValue<long[]>(4).Select(n => new RecordId(n))],
                        reader.GetString(5),
                        reader.GetTime(2))
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
