using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string ReceiptColumns = "id, at, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id";

    /// <inheritdoc />
    public Task<Receipt> AppendReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return WriteBatchedAsync(
            async (session, token) => new Written<Receipt>(receipt with { Id = await InsertReceiptAsync(session.Connection, receipt, token).ConfigureAwait(false) }, Keep: true),
            new PipelinedWrite<Receipt>(() => InsertReceiptCommand(null, receipt).ToBatchCommand(), reader => new(receipt with { Id = reader.GetInt64(0) }, Keep: true)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> GetLastReceiptsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ReadAsync<IReadOnlyList<Receipt>>(
            async (connection, token) =>
            {
                await using var command = connection.Command($"""
                        SELECT {ReceiptColumns}
                        FROM (SELECT * FROM receipts ORDER BY id DESC LIMIT @count) AS last
                        ORDER BY id
                        """)
                    .Bind("count", (long?)count);
                return await ReadReceiptsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> FindReceiptsAsync(ReceiptQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        return ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"""
                        SELECT {ReceiptColumns}
                        FROM (SELECT * FROM receipts
                              WHERE (@logon::text IS NULL OR logon_id = @logon)
                                AND (@ok::boolean IS NULL OR ok = @ok)
                                AND (@code::text IS NULL OR action = @code OR code = @code)
                                AND (@since::timestamptz IS NULL OR at >= @since)
                                AND (@correlation::text IS NULL OR correlation_id = @correlation)
                              ORDER BY id DESC LIMIT @count) AS last
                        ORDER BY id
                        """)
                    .Bind("logon", query.LogonId)
                    .Bind("ok", query.Ok)
                    .Bind("code", query.Code)
                    .Bind("since", query.Since)
                    .Bind("correlation", query.CorrelationId)
                    .Bind("count", (long?)query.Limit);
                return await ReadReceiptsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<Receipt>> ReadReceiptsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var receipts = new List<Receipt>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            receipts.Add(new Receipt(reader.GetTime(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4), reader.GetBoolean(5))
            {
                Id = reader.GetInt64(0),
                Action = reader.GetNullableString(6),
                Code = reader.GetNullableString(7),
                Repository = reader.GetNullableString(8),
                RecordId = reader.GetNullableInt64(9) is { } recordId ? new RecordId(recordId) : null,
                OclcNumber = reader.GetNullableInt64(10) is { } number ? new OclcNumber(number) : null,
                Message = reader.GetNullableString(11),
                CorrelationId = reader.GetNullableString(12),
            });
        }

        return receipts;
    }

    private static async Task<long> InsertReceiptAsync(NpgsqlConnection connection, Receipt receipt, CancellationToken cancellationToken)
    {
        await using var command = InsertReceiptCommand(connection, receipt);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static NpgsqlCommand InsertReceiptCommand(NpgsqlConnection? connection, Receipt receipt) =>
        new NpgsqlCommand(
                """
                INSERT INTO receipts (at, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id)
                VALUES (@at, @peer, @logon, @user, @ok, @action, @code, @repository, @record, @oclc, @message, @correlation)
                RETURNING id
                """,
                connection)
            .BindReceipt(receipt);
}
