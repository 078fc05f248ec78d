using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>One open write transaction: its connection, and the repositories it has already locked against removal.</summary>
internal sealed class PostgresWriteSession(NpgsqlConnection connection)
{
    public NpgsqlConnection Connection { get; } = connection;

    /// <summary>
    /// Repositories this transaction holds <c>FOR KEY SHARE</c>: the lock lasts until the transaction ends, so each
    /// write after the first into the same repository in a batch skips the look-up.
    /// </summary>
    public HashSet<string> LockedRepositories { get; } = new(StringComparer.Ordinal);
}
