using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<CommitResult>?> AddRecordsAsync(IReadOnlyList<RecordCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CommitResult>?>([]);
        }

        // Checked, hashed and serialised on the caller's thread: the single writer is left only SQL to run.
        var repository = commits[0].Repository;
        var adds = new PreparedAdd[commits.Count];
        var claimed = new HashSet<long>();
        for (var i = 0; i < commits.Count; i++)
        {
            var commit = commits[i];
            CheckBulkAdd(commit, repository);
            var content = commit.Content.ToArray();
            long[] numbers = [.. commit.OclcNumbers.Select(n => n.Value).Distinct()];
            foreach (var number in numbers)
            {
                if (!claimed.Add(number))
                {
                    throw new ArgumentException($"OCLC number {number} is carried by two of the records added together.", nameof(commits));
                }
            }

            adds[i] = new PreparedAdd(commit, content, ContentHash.Compute(content), numbers);
        }

        var allNumbers = JsonList.FromNumbers(claimed);
        return WriteAsync<IReadOnlyList<CommitResult>?>(session => AddRecords(session, repository, adds, allNumbers), cancellationToken);
    }

    private static IReadOnlyList<CommitResult>? AddRecords(WriterSession session, string repository, PreparedAdd[] adds, string allNumbers)
    {
        RequireRepository(session, repository);

        // The single writer runs one write at a time: a number found free here stays free until this write commits.
        var held = (long)session.Command("SELECT count(*) FROM oclc_numbers WHERE repository = $repository AND oclc_number IN (SELECT value FROM json_each($numbers))")
            .Bind("$repository", repository)
            .Bind("$numbers", allNumbers)
            .ExecuteScalar()!;
        if (held > 0)
        {
            return null;
        }

        var atUs = SqliteTime.ToMicroseconds(DateTimeOffset.UtcNow);
        var results = new CommitResult[adds.Length];
        for (var i = 0; i < adds.Length; i++)
        {
            var (commit, content, hash, numbers) = adds[i];
            var (id, _, _) = Add(session, commit, atUs);
            session.Command(
                    """
                    INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at_us, action, logon_id, user_id)
                    VALUES ($id, 1, $content, $hash, $numbered, $at, 'added', $logon, $user)
                    """)
                .Bind("$id", id.Value)
                .Bind("$content", content)
                .Bind("$hash", hash)
                .Bind("$numbered", numbers.Length > 0 ? 1 : 0)
                .Bind("$at", atUs)
                .Bind("$logon", commit.LogonId)
                .Bind("$user", commit.UserId)
                .ExecuteNonQuery();
            foreach (var number in numbers)
            {
                session.Command("INSERT INTO oclc_numbers (repository, oclc_number, record_id) VALUES ($repository, $number, $id)")
                    .Bind("$repository", repository)
                    .Bind("$number", number)
                    .Bind("$id", id.Value)
                    .ExecuteNonQuery();
            }

            var receiptId = InsertReceipt(session, ReceiptFor(commit, GatewayReplyCodes.Added, id));
            results[i] = new CommitResult(CommitStatus.Added, id, 1, receiptId);
        }

        return results;
    }

    private static void CheckBulkAdd(RecordCommit commit, string repository)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Content.IsEmpty)
        {
            throw new ArgumentException("A record commit needs the record's bytes.", nameof(commit));
        }

        if (commit.ExistingId is not null || commit.MatchOnContent)
        {
            throw new ArgumentException("Records added together are new records matched on OCLC numbers alone; an overlay or a match on content is committed alone.", nameof(commit));
        }

        if (!string.Equals(commit.Repository, repository, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Records added together go to one repository ({repository}, not {commit.Repository}).", nameof(commit));
        }

        if (commit.OclcNumbers.Any(n => n.Value <= 0))
        {
            throw new ArgumentException("OCLC numbers are positive.", nameof(commit));
        }
    }

    private readonly record struct PreparedAdd(RecordCommit Commit, byte[] Content, string Hash, long[] Numbers);
}
