using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string ReviewItemColumns =
        "id, repository, at_us, content, candidate_ids, reason, logon_id, user_id, peer_address, resolved_us, resolved_by, resolution, resolved_record_id";

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
                return item with { Id = id, Resolution = null };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListReviewItemsAsync(string? repository, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            session => ReadReviewItems(session.Command($"""
                    SELECT {ReviewItemColumns}
                    FROM review_items WHERE resolved_us IS NULL AND ($repository IS NULL OR repository = $repository)
                    ORDER BY id LIMIT $limit
                    """)
                .Bind("$repository", repository)
                .Bind("$limit", limit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReviewItem?> GetReviewItemAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync(
            session => ReadReviewItems(session.Command($"SELECT {ReviewItemColumns} FROM review_items WHERE id = $id").Bind("$id", id)).SingleOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResolutionResult> ResolveReviewItemAsync(ReviewResolution resolution, RecordCommit? commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution.ResolvedBy);
        if (commit is not null && commit.Content.IsEmpty)
        {
            throw new ArgumentException("A record commit needs the record's bytes.", nameof(commit));
        }

        var content = commit?.Content.ToArray();
        var hash = content is null ? null : ContentHash.Compute(content);
        var numbersJson = commit is null ? null : JsonList.FromNumbers(commit.OclcNumbers.Select(n => n.Value).Distinct());
        return WriteAsync(
            session =>
            {
                var open = session.Command("SELECT 1 FROM review_items WHERE id = $id AND resolved_us IS NULL").Bind("$id", resolution.ItemId).ExecuteScalar();
                if (open is null)
                {
                    return new ReviewResolutionResult(false, null);
                }

                CommitResult? committed = null;
                if (commit is not null)
                {
                    try
                    {
                        committed = Commit(session, commit, content!, hash!, numbersJson!);
                    }
                    catch (RolledBackWithResultException conflict)
                    {
                        throw new RolledBackWithResultException(new ReviewResolutionResult(false, (CommitResult)conflict.Result));
                    }

                    if (!committed.Succeeded)
                    {
                        return new ReviewResolutionResult(false, committed);
                    }
                }

                session.Command(
                        """
                        UPDATE review_items SET resolved_us = $at, resolved_by = $by, resolution = $decision, resolved_record_id = $record
                        WHERE id = $id
                        """)
                    .Bind("$id", resolution.ItemId)
                    .Bind("$at", SqliteTime.ToMicroseconds(resolution.At))
                    .Bind("$by", resolution.ResolvedBy)
                    .Bind("$decision", FormatDecision(resolution.Decision))
                    .Bind("$record", committed?.RecordId?.Value ?? resolution.RecordId?.Value)
                    .ExecuteNonQuery();
                return new ReviewResolutionResult(true, committed);
            },
            cancellationToken);
    }

    private static IReadOnlyList<ReviewItem> ReadReviewItems(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<ReviewItem>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            items.Add(new ReviewItem(
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(3),
                [.. JsonList.ToNumbers(reader.GetString(4)).Select(n => new RecordId(n))],
                reader.GetString(5),
                SqliteTime.FromMicroseconds(reader.GetInt64(2)))
            {
                Id = id,
                LogonId = reader.GetNullableString(6),
                UserId = reader.GetNullableString(7),
                PeerAddress = reader.GetNullableString(8),
                Resolution = reader.GetNullableInt64(9) is { } resolvedUs
                    ? new ReviewResolution(id, ParseDecision(reader.GetString(11)), reader.GetString(10), SqliteTime.FromMicroseconds(resolvedUs))
                    {
                        RecordId = reader.GetNullableInt64(12) is { } recordId ? new RecordId(recordId) : null,
                    }
                    : null,
            });
        }

        return items;
    }

    private static string FormatDecision(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Overlaid => "overlaid",
        ReviewDecision.AddedAsNew => "added",
        ReviewDecision.Discarded => "discarded",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    private static ReviewDecision ParseDecision(string decision) => decision switch
    {
        "overlaid" => ReviewDecision.Overlaid,
        "added" => ReviewDecision.AddedAsNew,
        "discarded" => ReviewDecision.Discarded,
        _ => throw new CatalogStoreException($"Unknown review resolution '{decision}' in review_items."),
    };
}
