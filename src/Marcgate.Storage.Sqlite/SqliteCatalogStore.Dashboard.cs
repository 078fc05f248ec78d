using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ReceiptTally>> TallyReceiptsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ReceiptTally>>(
            session =>
            {
                using var reader = session.Command(
                        """
                        SELECT ok, coalesce(CASE WHEN ok = 1 THEN action ELSE code END, '') AS outcome, count(*) AS n
                        FROM receipts WHERE at_us >= $since GROUP BY ok, outcome ORDER BY n DESC, outcome, ok DESC
                        """)
                    .Bind("$since", SqliteTime.ToMicroseconds(since))
                    .ExecuteReader();
                var tallies = new List<ReceiptTally>();
                while (reader.Read())
                {
                    tallies.Add(new ReceiptTally(reader.GetInt64(0) == 1, reader.GetString(1), reader.GetInt64(2)));
                }

                return tallies;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<long> MeasureSizeAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            _ =>
            {
                // The database file and its write-ahead log: what the data directory holds for the catalog.
                var wal = new FileInfo(DatabasePath + "-wal");
                return new FileInfo(DatabasePath).Length + (wal.Exists ? wal.Length : 0);
            },
            cancellationToken);
}
