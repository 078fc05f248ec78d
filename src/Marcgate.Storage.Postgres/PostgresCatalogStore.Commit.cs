using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(RecordCommit commit, CancellationToken cancellationToken)
    {
        var (content, hash, numbers) = PrepareCommit(commit);

        // A plain add (nearly every record of a load) is one statement, sent with the rest of its batch in one round trip;
        // there a number another record holds is an error that undoes the batch, and the add runs again alone.
        var pipelined = commit.ExistingId is null && !(commit.MatchOnContent && numbers.Length == 0)
            ? new PipelinedWrite<CommitResult>(
                () => AddCommand(null, commit, content, hash, numbers, claimOrFail: true).ToBatchCommand(),
                reader => ReadAdded(reader, numbers.Length))
            : null;
        return WriteBatchedAsync((session, token) => CommitAsync(session, commit, content, hash, numbers, token), pipelined, cancellationToken);
    }

    /// <summary>Checks a commit and computes, on the caller's thread, what its transaction writes: the bytes, their hash and the OCLC numbers in claiming order.</summary>
    private static PreparedCommit PrepareCommit(RecordCommit commit)
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

        var content = commit.Content.ToArray();

        // Ascending, so two transactions claiming overlapping numbers wait for each other in one order and never deadlock.
        return new(content, RecordContentHash.Compute(content), [.. commit.OclcNumbers.Select(n => n.Value).Distinct().Order()]);
    }

    private static async Task<Written<CommitResult>> CommitAsync(
        PostgresWriteSession session, RecordCommit commit, byte[] content, string hash, long[] numbers, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        await RequireRepositoryAsync(session, commit.Repository, cancellationToken).ConfigureAwait(false);
        if (commit.ExistingId is null && !(commit.MatchOnContent && numbers.Length == 0))
        {
            return await AddAsync(connection, commit, content, hash, numbers, cancellationToken).ConfigureAwait(false);
        }

        RecordId id;
        int version;
        DateTimeOffset at;
        if (commit.ExistingId is { } existingId)
        {
            // FOR UPDATE: a concurrent overlay of this record, from any node, waits here and then sees the new version.
            await using (var current = connection.Command(
                    """
                    SELECT r.version, v.content_hash FROM records r
                    JOIN record_versions v ON v.record_id = r.id AND v.version = r.version
                    WHERE r.id = @id AND r.repository = @repository
                    FOR UPDATE OF r
                    """)
                .Bind("id", existingId.Value)
                .Bind("repository", commit.Repository))
            {
                await using var reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.GetInt32(0) != commit.ExpectedVersion)
                {
                    return new(new CommitResult(CommitStatus.VersionConflict, existingId, 0, null), Keep: false);
                }

                if (string.Equals(reader.GetString(1), hash, StringComparison.Ordinal))
                {
                    await reader.CloseAsync().ConfigureAwait(false);
                    var unchangedReceipt = await InsertReceiptAsync(connection, ReceiptFor(commit, GatewayReplyCodes.Unchanged, existingId), cancellationToken).ConfigureAwait(false);
                    return new(new CommitResult(CommitStatus.Unchanged, existingId, commit.ExpectedVersion, unchangedReceipt), Keep: true);
                }
            }

            // The version's time is the database's clock (the batch's transaction time), never at or before the version it
            // follows: versions of one record stay in order whichever nodes wrote them and however their clocks differ.
            await using (var overlay = connection.Command(
                    """
                    UPDATE records r SET version = r.version + 1,
                        updated = greatest(now(), (SELECT v.at FROM record_versions v WHERE v.record_id = r.id AND v.version = r.version) + interval '1 microsecond')
                    WHERE r.id = @id
                    RETURNING r.updated;
                    DELETE FROM oclc_numbers WHERE record_id = @id;
                    DELETE FROM content_keys WHERE record_id = @id;
                    """)
                .Bind("id", existingId.Value))
            {
                await using var reader = await overlay.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                at = reader.GetTime(0);
            }

            (id, version) = (existingId, commit.ExpectedVersion + 1);
        }
        else
        {
            await using var add = connection.Command("INSERT INTO records (repository, version, created, updated) VALUES (@repository, 1, now(), now()) RETURNING id, updated")
                .Bind("repository", commit.Repository);
            await using (var reader = await add.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                (id, version, at) = (new RecordId(reader.GetInt64(0)), 1, reader.GetTime(1));
            }

            if (commit.MatchOnContent && numbers.Length == 0
                && await FindContentTwinAsync(connection, commit.Repository, hash, id, cancellationToken).ConfigureAwait(false) is (true, var twin))
            {
                return new(new CommitResult(CommitStatus.ContentConflict, twin, 0, null), Keep: false);
            }
        }

        await using (var insertVersion = connection.Command(
                """
                INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at, action, logon_id, user_id)
                VALUES (@id, @version, @content, @hash, @numbered, @at, @action, @logon, @user)
                """)
            .Bind("id", id.Value)
            .Bind("version", version)
            .Bind("content", content)
            .Bind("hash", hash)
            .Bind("numbered", numbers.Length > 0)
            .Bind("at", at)
            .Bind("action", FormatAction(version == 1 ? RecordAction.Added : RecordAction.Overlaid))
            .Bind("logon", commit.LogonId)
            .Bind("user", commit.UserId))
        {
            await insertVersion.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (numbers.Length > 0)
        {
            // The primary key (repository, oclc_number) refuses a number another record holds. DO NOTHING waits for a
            // concurrent transaction holding the same number to finish, then skips the row if that one committed: fewer
            // rows than numbers means another record holds one, and this whole write is undone.
            await using var index = connection.Command(
                    """
                    INSERT INTO oclc_numbers (repository, oclc_number, record_id)
                    SELECT @repository, n, @id FROM unnest(@numbers) WITH ORDINALITY AS t (n, i) ORDER BY i
                    ON CONFLICT DO NOTHING
                    """)
                .Bind("repository", commit.Repository)
                .Bind("id", id.Value)
                .Bind("numbers", numbers);
            if (await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != numbers.Length)
            {
                var holder = await FindHolderAsync(connection, commit.Repository, numbers, id, cancellationToken).ConfigureAwait(false);
                return new(new CommitResult(CommitStatus.OclcNumberConflict, holder, 0, null), Keep: false);
            }
        }

        var action = version == 1 ? GatewayReplyCodes.Added : GatewayReplyCodes.Overlaid;
        var receiptId = await InsertReceiptAsync(connection, ReceiptFor(commit, action, id), cancellationToken).ConfigureAwait(false);
        return new(new CommitResult(version == 1 ? CommitStatus.Added : CommitStatus.Overlaid, id, version, receiptId), Keep: true);
    }

    /// <summary>
    /// Adds a record in one statement (one round trip, or part of the batch's single round trip): the record, its first
    /// version (at the database's clock), its OCLC numbers and its receipt; the rows refer to each other within the
    /// statement, whose foreign keys are checked at its end.
    /// </summary>
    /// <remarks>
    /// With <c>claimOrFail</c> (in a batch) a number another record holds breaks the primary key, an error that undoes
    /// the whole batch, whose <c>COMMIT</c> then never runs: the statement never asks to be undone, so the batch can send
    /// its <c>COMMIT</c> behind it in the same round trip. Without (alone), such a number is skipped, and the count of
    /// numbers claimed says so.
    /// </remarks>
    private static NpgsqlCommand AddCommand(NpgsqlConnection? connection, RecordCommit commit, byte[] content, string hash, long[] numbers, bool claimOrFail) =>
        new NpgsqlCommand(
                $"""
                WITH record AS (
                    INSERT INTO records (repository, version, created, updated) VALUES (@repository, 1, now(), now()) RETURNING id, updated),
                version AS (
                    INSERT INTO record_versions (record_id, version, content, content_hash, oclc_numbered, at, action, logon_id, user_id)
                    SELECT id, 1, @content, @hash, @numbered, updated, 'added', @logon, @user FROM record),
                claimed AS (
                    INSERT INTO oclc_numbers (repository, oclc_number, record_id)
                    SELECT @repository, t.n, record.id FROM record, unnest(@numbers) WITH ORDINALITY AS t (n, i) ORDER BY t.i
                    {(claimOrFail ? string.Empty : "ON CONFLICT DO NOTHING")}
                    RETURNING 1),
                receipt AS (
                    INSERT INTO receipts (at, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id)
                    SELECT @at, @peer, @logon, @user, true, 'added', NULL, @repository, record.id, @oclc, @message, @correlation FROM record
                    RETURNING id)
                SELECT record.id, (SELECT count(*) FROM claimed), (SELECT id FROM receipt) FROM record
                """,
                connection)
            .Bind("repository", commit.Repository)
            .Bind("at", commit.At)
            .Bind("content", content)
            .Bind("hash", hash)
            .Bind("numbered", numbers.Length > 0)
            .Bind("logon", commit.LogonId)
            .Bind("user", commit.UserId)
            .Bind("numbers", numbers)
            .Bind("peer", commit.PeerAddress)
            .Bind("oclc", commit.PrimaryOclcNumber?.Value)
            .Bind("message", commit.Message)
            .Bind("correlation", commit.CorrelationId);

    /// <summary>The add's row: kept when every OCLC number was claimed; otherwise another record holds one and the add is undone.</summary>
    private static Written<CommitResult> ReadAdded(NpgsqlDataReader reader, int numbers)
    {
        var id = new RecordId(reader.GetInt64(0));
        return reader.GetInt64(1) == numbers
            ? new(new CommitResult(CommitStatus.Added, id, 1, reader.GetInt64(2)), Keep: true)
            : new(new CommitResult(CommitStatus.OclcNumberConflict, null, 0, null), Keep: false);
    }

    private static async Task<Written<CommitResult>> AddAsync(
        NpgsqlConnection connection, RecordCommit commit, byte[] content, string hash, long[] numbers, CancellationToken cancellationToken)
    {
        RecordId id;
        await using (var add = AddCommand(connection, commit, content, hash, numbers, claimOrFail: false))
        {
            await using var reader = await add.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var added = ReadAdded(reader, numbers.Length);
            if (added.Keep)
            {
                return added;
            }

            id = new RecordId(reader.GetInt64(0));
        }

        // As in the statement by statement path: another record holds a number, and the whole add is undone.
        var holder = await FindHolderAsync(connection, commit.Repository, numbers, id, cancellationToken).ConfigureAwait(false);
        return new(new CommitResult(CommitStatus.OclcNumberConflict, holder, 0, null), Keep: false);
    }

    /// <summary>Claims the content key of a new record; says whether another record holds the content, and which when still known (gateway §7 step 7).</summary>
    private static async Task<(bool Found, RecordId? Twin)> FindContentTwinAsync(NpgsqlConnection connection, string repository, string hash, RecordId self, CancellationToken cancellationToken)
    {
        // As for OCLC numbers: a concurrent add of the same content makes this insert wait, then skip the row once it committed.
        await using (var claim = connection.Command(
                "INSERT INTO content_keys (repository, content_hash, record_id) VALUES (@repository, @hash, @id) ON CONFLICT DO NOTHING")
            .Bind("repository", repository)
            .Bind("hash", hash)
            .Bind("id", self.Value))
        {
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                // The key is this record's; a copy stored without claiming one (by a profile that does not match) still counts.
                await using var unkeyed = connection.Command(
                        """
                        SELECT r.id FROM record_versions v JOIN records r ON r.id = v.record_id AND r.version = v.version
                        WHERE v.content_hash = @hash AND NOT v.oclc_numbered AND r.repository = @repository AND r.id <> @id
                        ORDER BY r.id LIMIT 1
                        """)
                    .Bind("hash", hash)
                    .Bind("repository", repository)
                    .Bind("id", self.Value);
                return await unkeyed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long copy ? (true, new RecordId(copy)) : (false, null);
            }
        }

        await using var holder = connection.Command("SELECT record_id FROM content_keys WHERE repository = @repository AND content_hash = @hash")
            .Bind("repository", repository)
            .Bind("hash", hash);
        return (true, await holder.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long holderId ? new RecordId(holderId) : null);
    }

    private static async Task<RecordId?> FindHolderAsync(NpgsqlConnection connection, string repository, long[] numbers, RecordId self, CancellationToken cancellationToken)
    {
        // Read committed: this statement sees the other transaction's rows once it has committed.
        await using var command = connection.Command(
                """
                SELECT record_id FROM oclc_numbers
                WHERE repository = @repository AND oclc_number = ANY (@numbers) AND record_id <> @self
                ORDER BY record_id LIMIT 1
                """)
            .Bind("repository", repository)
            .Bind("numbers", numbers)
            .Bind("self", self.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long holder ? new RecordId(holder) : null;
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

    private readonly record struct PreparedCommit(byte[] Content, string Hash, long[] Numbers);
}
