using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string ReceiptColumns = "id, at_us, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id";

    /// <inheritdoc />
    public Task<Receipt> AppendReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return WriteAsync(session => receipt with { Id = InsertReceipt(session, receipt) }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> GetLastReceiptsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ReadAsync(
            session =>
            {
                var command = session.Command($"""
                        SELECT {ReceiptColumns}
                        FROM (SELECT * FROM receipts ORDER BY id DESC LIMIT $count)
                        ORDER BY id
                        """)
                    .Bind("$count", count);
                return ReadReceipts(command);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Receipt>> FindReceiptsAsync(ReceiptQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        // A correlation ID names one import: its own statement, so the lookup reads the index, not the whole log.
        var sql = query.CorrelationId is null
            ? $"""
                SELECT {ReceiptColumns}
                FROM (SELECT * FROM receipts
                      WHERE ($logon IS NULL OR logon_id = $logon)
                        AND ($ok IS NULL OR ok = $ok)
                        AND ($code IS NULL OR action = $code OR code = $code)
                        AND ($since IS NULL OR at_us >= $since)
                      ORDER BY id DESC LIMIT $count)
                ORDER BY id
                """
            : $"""
                SELECT {ReceiptColumns}
                FROM (SELECT * FROM receipts
                      WHERE correlation_id = $correlation
                        AND ($logon IS NULL OR logon_id = $logon)
                        AND ($ok IS NULL OR ok = $ok)
                        AND ($code IS NULL OR action = $code OR code = $code)
                        AND ($since IS NULL OR at_us >= $since)
                      ORDER BY id DESC LIMIT $count)
                ORDER BY id
                """;
        return ReadAsync(
            session => ReadReceipts(session.Command(sql)
                .Bind("$logon", query.LogonId)
                .Bind("$ok", query.Ok)
                .Bind("$code", query.Code)
                .Bind("$since", query.Since is { } since ? SqliteTime.ToMicroseconds(since) : null)
                .Bind("$count", query.Limit)
                .Bind("$correlation", query.CorrelationId)),
            cancellationToken);
    }

    private static IReadOnlyList<Receipt> ReadReceipts(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var receipts = new List<Receipt>();
        while (reader.Read())
        {
            receipts.Add(new Receipt(
                SqliteTime.FromMicroseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetNullableString(3),
                reader.GetNullableString(4),
                reader.GetBoolean(5))
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

    private static long InsertReceipt(WriterSession session, Receipt receipt) =>
        (long)BindReceipt(
                session.Command(
                    """
                    INSERT INTO receipts (at_us, peer_address, logon_id, user_id, ok, action, code, repository, record_id, oclc_number, message, correlation_id)
                    VALUES ($at, $peer, $logon, $user, $ok, $action, $code, $repository, $record, $oclc, $message, $correlation)
                    RETURNING id
                    """),
                receipt)
            .ExecuteScalar()!;

    // A receipt's columns, as a new receipt and a copied one (ImportReceiptAsync) both write them.
    private static SqliteCommand BindReceipt(SqliteCommand command, Receipt receipt) =>
        command
            .Bind("$at", SqliteTime.ToMicroseconds(receipt.At))
            .Bind("$peer", receipt.PeerAddress)
            .Bind("$logon", receipt.LogonId)
            .Bind("$user", receipt.UserId)
            .Bind("$ok", receipt.Ok)
            .Bind("$action", receipt.Action)
            .Bind("$code", receipt.Code)
            .Bind("$repository", receipt.Repository)
            .Bind("$record", receipt.RecordId?.Value)
            .Bind("$oclc", receipt.OclcNumber?.Value)
            .Bind("$message", receipt.Message)
            .Bind("$correlation", receipt.CorrelationId);
}
