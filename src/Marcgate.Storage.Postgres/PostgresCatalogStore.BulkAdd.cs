using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Npgsql;
using NpgsqlTypes;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The rows go in with binary COPY, one stream per table, in one transaction: a load of thousands of new records costs
    /// a handful of round trips and one WAL flush instead of a statement each (bench/results/import.md).
    /// </remarks>
    public Task<IReadOnlyList<CommitResult>?> AddRecordsAsync(IReadOnlyList<RecordCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CommitResult>?>([]);
        }

        var repository = commits[0].Repository;
        var adds = new PreparedCommit[commits.Count];
        var claimed = new HashSet<long>();
        for (var i = 0; i < commits.Count; i++)
        {
            var commit = commits[i];
            ArgumentNullException.ThrowIfNull(commit);
            if (commit.ExistingId is not null || commit.MatchOnContent)
            {
                throw new ArgumentException("Records added together are new records matched on OCLC numbers alone; an overlay or a match on content is committed alone.", nameof(commits));
            }

            if (!string.Equals(commit.Repository, repository, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Records added together go to one repository ({repository}, not {commit.Repository}).", nameof(commits));
            }

            adds[i] = PrepareCommit(commit);
            foreach (var number in adds[i].Numbers)
            {
                if (!claimed.Add(number))
                {
                    throw new ArgumentException($"OCLC number {number} is carried by two of the records added together.", nameof(commits));
                }
            }
        }

        long[] allNumbers = [.. claimed];
        return WriteAsync<IReadOnlyList<CommitResult>?>(
            async (connection, token) =>
            {
                try
                {
                    var results = await AddRecordsAsync(connection, repository, commits, adds, allNumbers, token).ConfigureAwait(false);
                    return new Written<IReadOnlyList<CommitResult>?>(results, Keep: results is not null);
                }
                catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // Another node added a record with one of the numbers after the check: nothing of this write is kept.
                    return new Written<IReadOnlyList<CommitResult>?>(null, Keep: false);
                }
            },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<CommitResult>?> AddRecordsAsync(
        NpgsqlConnection connection, string repository, IReadOnlyList<RecordCommit> commits, PreparedCommit[] adds, long[] numbers, CancellationToken cancellationToken)
    {
        await RequireRepositoryAsync(connection, repository, cancellationToken).ConfigureAwait(false);
        await using (var held = connection.Command("SELECT EXISTS (SELECT 1 FROM oclc_numbers WHERE repository = @repository AND oclc_number = ANY (@numbers))")
            .Bind("repository", repository)
            .Bind("numbers", numbers))
        {
            if (await held.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return null;
            }
        }

        // Ids in the order of the list, and the transaction's time for every record and version, as one by one would give.
        var recordIds = await TakeIdsAsync(connection, "records", adds.Length, cancellationToken).ConfigureAwait(false);
        var receiptIds = await TakeIdsAsync(connection, "receipts", adds.Length, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now;
        await using (var clock = connection.Command("SELECT now()"))
        await using (var reader = await clock.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            now = reader.GetTime(0);
        }

        await using (var rows = await connection.BeginBinaryImportAsync("COPY records (id, repository, version, created, updated) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var id in recordIds)
            {
                await rows.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(repository, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }

            await rows.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var rows = await connection.BeginBinaryImportAsync(
            "COPY record_versions (record_id, version, content, content_hash, oclc_numbered, at, action, logon_id, user_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < adds.Length; i++)
            {
                await rows.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(recordIds[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(adds[i].Content, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(adds[i].Hash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(adds[i].Numbers.Length > 0, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync("added", NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(rows, commits[i].LogonId, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(rows, commits[i].UserId, cancellationToken).ConfigureAwait(false);
            }

            await rows.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // The primary key (repository, oclc_number) refuses a number another node's record took since the check above.
        await using (var rows = await connection.BeginBinaryImportAsync("COPY oclc_numbers (repository, oclc_number, record_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < adds.Length; i++)
            {
                foreach (var number in adds[i].Numbers)
                {
                    await rows.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await rows.WriteAsync(repository, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await rows.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await rows.WriteAsync(recordIds[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }
            }

            await rows.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var rows = await connection.BeginBinaryImportAsync(
            "COPY receipts (id, at, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < adds.Length; i++)
            {
                var commit = commits[i];
                await rows.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(receiptIds[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(PostgresTime.ToStored(commit.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(commit.PeerAddress, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(rows, commit.LogonId, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(rows, commit.UserId, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(GatewayReplyCodes.Added, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await rows.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(repository, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await rows.WriteAsync(recordIds[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                if (commit.PrimaryOclcNumber is { } primary)
                {
                    await rows.WriteAsync(primary.Value, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await rows.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await WriteTextAsync(rows, commit.Message, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(rows, commit.CorrelationId, cancellationToken).ConfigureAwait(false);
            }

            await rows.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var results = new CommitResult[adds.Length];
        for (var i = 0; i < adds.Length; i++)
        {
            results[i] = new CommitResult(CommitStatus.Added, new RecordId(recordIds[i]), 1, receiptIds[i]);
        }

        return results;
    }

    /// <summary>The next <paramref name="count"/> values of a table's identity, ascending.</summary>
    private static async Task<long[]> TakeIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT nextval(pg_get_serial_sequence(@table, 'id')) FROM generate_series(1, @count) ORDER BY 1")
            .Bind("table", table)
            .Bind("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new long[count];
        for (var i = 0; i < count && await reader.ReadAsync(cancellationToken).ConfigureAwait(false); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return ids;
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter rows, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await rows.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await rows.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
