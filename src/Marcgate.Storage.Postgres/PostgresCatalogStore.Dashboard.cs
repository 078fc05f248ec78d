using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ReceiptTally>> TallyReceiptsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ReceiptTally>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        """
                        SELECT ok, coalesce(CASE WHEN ok THEN action ELSE code END, '') COLLATE "C" AS outcome, count(*) AS n
                        FROM receipts WHERE at >= @since GROUP BY ok, outcome ORDER BY n DESC, outcome, ok DESC
                        """)
                    .Bind("since", since);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var tallies = new List<ReceiptTally>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    tallies.Add(new ReceiptTally(reader.GetBoolean(0), reader.GetString(1), reader.GetInt64(2)));
                }

                return tallies;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<long> MeasureSizeAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                // The catalog's own tables with their indexes and TOAST data, in the schema it lives in.
                await using var command = connection.Command(
                    """
                    SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r'
                    """);
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);
}
