using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string ReviewItemColumns =
        "id, repository, at, content, candidate_ids, reason, logon_id, user_id, peer_address, resolved, resolved_by, resolution, resolved_record_id";

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
                return item with { Id = id, Resolution = null };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListReviewItemsAsync(string? repository, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"""
                        SELECT {ReviewItemColumns}
                        FROM review_items WHERE resolved IS NULL AND (@repository::text IS NULL OR repository = @repository)
                        ORDER BY id LIMIT @limit
                        """)
                    .Bind("repository", repository)
                    .Bind("limit", (long?)limit);
                return await ReadReviewItemsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReviewItem?> GetReviewItemAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {ReviewItemColumns} FROM review_items WHERE id = @id").Bind("id", id);
                return (await ReadReviewItemsAsync(command, token).ConfigureAwait(false)).SingleOrDefault();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResolutionResult> ResolveReviewItemAsync(ReviewResolution resolution, RecordCommit? commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution.ResolvedBy);
        var decision = FormatDecision(resolution.Decision);
        PreparedCommit? prepared = commit is null ? null : PrepareCommit(commit);
        return WriteAsync<ReviewResolutionResult>(
            async (connection, token) =>
            {
                if (!await LockOpenReviewItemAsync(connection, resolution.ItemId, token).ConfigureAwait(false))
                {
                    return new(new ReviewResolutionResult(false, null), Keep: false);
                }

                CommitResult? committed = null;
                if (prepared is { } p)
                {
                    // The commit CommitAsync runs, in this transaction: a conflict undoes it whole and the item stays open.
                    var written = await CommitAsync(new PostgresWriteSession(connection), commit!, p.Content, p.Hash, p.Numbers, token).ConfigureAwait(false);
                    committed = written.Value;
                    if (!written.Keep || !committed.Succeeded)
                    {
                        return new(new ReviewResolutionResult(false, committed), Keep: false);
                    }
                }

                await using var resolve = connection.Command(
                        """
                        UPDATE review_items SET resolved = @at, resolved_by = @by, resolution = @decision, resolved_record_id = @record
                        WHERE id = @id
                        """)
                    .Bind("id", resolution.ItemId)
                    .Bind("at", resolution.At)
                    .Bind("by", resolution.ResolvedBy)
                    .Bind("decision", decision)
                    .Bind("record", committed?.RecordId?.Value ?? resolution.RecordId?.Value);
                await resolve.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return new(new ReviewResolutionResult(true, committed), Keep: true);
            },
            cancellationToken);
    }

    /// <summary>Locks a review item that is still open; false when there is none, or it was resolved or removed.</summary>
    private static async Task<bool> LockOpenReviewItemAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        // The item's repository first, as a repository's removal locks it before its items: the two queue, never deadlock.
        await using (var find = connection.Command("SELECT repository FROM review_items WHERE id = @id AND resolved IS NULL").Bind("id", id))
        {
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string repository)
            {
                return false;
            }

            await using var lockRepository = connection.Command("SELECT 1 FROM repositories WHERE name = @name FOR KEY SHARE").Bind("name", repository);
            if (await lockRepository.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        // FOR UPDATE: two catalogers resolving one item at once, on any node, queue here; the second sees it resolved.
        await using var lockItem = connection.Command("SELECT 1 FROM review_items WHERE id = @id AND resolved IS NULL FOR UPDATE").Bind("id", id);
        return await lockItem.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static async Task<IReadOnlyList<ReviewItem>> ReadReviewItemsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ReviewItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            items.Add(new ReviewItem(
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(3),
                [.. reader.GetFieldValue<long[]>(4).Select(n => new RecordId(n))],
                reader.GetString(5),
                reader.GetTime(2))
            {
                Id = id,
                LogonId = reader.GetNullableString(6),
                UserId = reader.GetNullableString(7),
                PeerAddress = reader.GetNullableString(8),
                Resolution = reader.IsDBNull(9)
                    ? null
                    : new ReviewResolution(id, ParseDecision(reader.GetString(11)), reader.GetString(10), reader.GetTime(9))
                    {
                        RecordId = reader.GetNullableInt64(12) is { } recordId ? new RecordId(recordId) : null,
                    },
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
