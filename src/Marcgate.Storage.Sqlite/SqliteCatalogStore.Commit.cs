using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    // SQLite's extended result codes for a violated PRIMARY KEY or UNIQUE constraint.
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(RecordCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Content.IsEmpty)
        {
            throw new ArgumentException("A record commit needs the record's bytes.", nameof(commit));
        }

        if (commit.OclcNumbers.Any(n => n.Value <= 0))
        {
            throw new ArgumentException("OCLC numbers are positive.", nameof(commit));
        }

        // Hashing and serialising happen on the caller's thread, leaving the single writer only SQL to run.
        var content = commit.Content.ToArray();
        var hash = ContentHash.Compute(content);
        var numbersJson = JsonList.FromNumbers(commit.OclcNumbers.Select(n => n.Value).Distinct());
        return WriteAsync(session => Commit(session, commit, content, hash, numbersJson), cancellationToken);
    }

    private static CommitResult Commit(WriterSession session, RecordCommit commit, byte[] content, string hash, string numbersJson)
    {
        RequireRepository(session, commit.Repository);
        // A version's time is the store's clock as it commits, not the caller's: versions of one record written by
        // hosts whose clocks differ stay in order (Overlay keeps each after the one before).
        var atUs = SqliteTime.ToMicroseconds(DateTimeOffset.UtcNow);
        if (commit.ExistingId is { } existingId)
        {
            using var reader = session.Command(
                    """
                    SELECT r.version, v.content_hash FROM records r
                    JOIN record_versions v ON v.record_id = r.id AND v.version = r.version
                    WHERE r.id = $id AND r.repository = $repository
                    """)
                .Bind("$id", existingId.Value)
                .Bind("$repository", commit.Repository)
                .ExecuteReader();
            if (!reader.Read() || reader.GetInt32(0) != commit.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, existingId, 0, null);
            }

            if (string.Equals(reader.GetString(1), hash, StringComparison.Ordinal))
            {
                reader.Close();
                var unchangedReceipt = InsertReceipt(session, ReceiptFor(commit, GatewayReplyCodes.Unchanged, existingId));
                return new CommitResult(CommitStatus.Unchanged, existingId, commit.ExpectedVersion, unchangedReceipt);
            }
        }

        if (commit.ExistingId is null && commit.MatchOnContent && commit.OclcNumbers.Count == 0)
        {
            // The single writer runs one commit at a time, so no other add can slip in between this look-up and the insert.
            var twin = session.Command(
                    """
                    SELECT r.id FROM record_versions v JOIN records r ON r.id = v.record_id AND r.version = v.version
                    WHERE v.content_hash = $hash AND v.oclc_numbered = 0 AND r.repository = $repository
                    ORDER BY r.id LIMIT 1
                    """)
                .Bind("$hash", hash)
                .Bind("$repository", commit.Repository)
                .ExecuteScalar();
            if (twin is long twinId)
            {
                return new CommitResult(CommitStatus.ContentConflict, new RecordId(twinId), 0, null);
            }
        }

        RecordId id;
        int version;
        try
        {
            (id, version, atUs) = commit.ExistingId is { } overlaid
                ? Overlay(session, commit, overlaid, atUs)
                : Add(session, commit, atUs);
            session.Command(
                    """
                    INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at_us, action, logon_id, user_id)
                    VALUES ($id, $version, $content, $hash, $numbered, $at, $action, $logon, $user)
                    """)
                .Bind("$id", id.Value)
                .Bind("$version", version)
                .Bind("$content", content)
                .Bind("$hash", hash)
                .Bind("$numbered", commit.OclcNumbers.Count > 0 ? 1 : 0)
                .Bind("$at", atUs)
                .Bind("$action", FormatAction(version == 1 ? RecordAction.Added : RecordAction.Overlaid))
                .Bind("$logon", commit.LogonId)
                .Bind("$user", commit.UserId)
                .ExecuteNonQuery();

            // The primary key (repository, oclc_number) refuses a number another record holds.
            session.Command("INSERT INTO oclc_numbers (repository, oclc_number, record_id) SELECT $repository, value, $id FROM json_each($numbers)")
                .Bind("$repository", commit.Repository)
                .Bind("$id", id.Value)
                .Bind("$numbers", numbersJson)
                .ExecuteNonQuery();
        }
        catch (SqliteException error) when (error.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            // The other record's row stands whatever this write undoes; the writer rolls this write back.
            var holder = session.Command(
                    """
                    SELECT record_id FROM oclc_numbers
                    WHERE repository = $repository AND oclc_number IN (SELECT value FROM json_each($numbers)) AND record_id <> $self
                    ORDER BY record_id LIMIT 1
                    """)
                .Bind("$repository", commit.Repository)
                .Bind("$numbers", numbersJson)
                .Bind("$self", commit.ExistingId?.Value ?? 0)
                .ExecuteScalar();
            throw new RolledBackWithResultException(
                new CommitResult(CommitStatus.OclcNumberConflict, holder is long holderId ? new RecordId(holderId) : null, 0, null));
        }

        var action = version == 1 ? GatewayReplyCodes.Added : GatewayReplyCodes.Overlaid;
        var receiptId = InsertReceipt(session, ReceiptFor(commit, action, id));
        return new CommitResult(version == 1 ? CommitStatus.Added : CommitStatus.Overlaid, id, version, receiptId);
    }

    private static (RecordId Id, int Version, long AtUs) Add(WriterSession session, RecordCommit commit, long atUs)
    {
        var id = (long)session.Command("INSERT INTO records (repository, version, created_us, updated_us) VALUES ($repository, 1, $at, $at) RETURNING id")
            .Bind("$repository", commit.Repository)
            .Bind("$at", atUs)
            .ExecuteScalar()!;
        return (new RecordId(id), 1, atUs);
    }

    private static (RecordId Id, int Version, long AtUs) Overlay(WriterSession session, RecordCommit commit, RecordId id, long nowUs)
    {
        // Never at or before the version it follows, whatever the clock says (one microsecond after it at least).
        var previousUs = (long)session.Command("SELECT at_us FROM record_versions WHERE record_id = $id AND version = $expected")
            .Bind("$id", id.Value)
            .Bind("$expected", commit.ExpectedVersion)
            .ExecuteScalar()!;
        var atUs = Math.Max(nowUs, previousUs + 1);

        // The version was checked above inside this same transaction; the condition keeps the update honest anyway.
        var updated = session.Command("UPDATE records SET version = version + 1, updated_us = $at WHERE id = $id AND version = $expected")
            .Bind("$at", atUs)
            .Bind("$id", id.Value)
            .Bind("$expected", commit.ExpectedVersion)
            .ExecuteNonQuery();
        if (updated != 1)
        {
            throw new InvalidOperationException($"Record {id} moved from version {commit.ExpectedVersion} inside the writer's own transaction.");
        }

        // The index follows the current version: numbers the new version no longer carries are released.
        session.Command("DELETE FROM oclc_numbers WHERE record_id = $id").Bind("$id", id.Value).ExecuteNonQuery();
        return (id, commit.ExpectedVersion + 1, atUs);
    }

    private static Receipt ReceiptFor(RecordCommit commit, string action, RecordId id) =>
        new(commit.At, commit.PeerAddress, commit.LogonId, commit.UserId, Ok: true)
        {
            Action = action,
            Repository = commit.Repository,
            RecordId = id,
            OclcNumber = commit.PrimaryOclcNumber,
            Message = commit.Message,
            CorrelationId = commit.CorrelationId,
        };
}
