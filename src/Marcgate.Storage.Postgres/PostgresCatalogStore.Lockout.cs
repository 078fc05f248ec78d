using System.Globalization;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public Task<int> RecordLogonFailureAsync(LockoutKey key, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var windowStart = at - window;
        return WriteSettingAsync(CatalogChanges.Lockouts,
            async (connection, token) =>
            {
                // Failures of one key are counted one transaction at a time, whichever node saw them: each caller sees
                // its own failure and every one committed before it, so concurrent attempts cannot share a count.
                await using (var lockKey = connection.Command("SELECT pg_advisory_xact_lock(@scope, hashtext(@key))")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value))
                {
                    await lockKey.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                // The window is (at - window, at]: failures at or before its start no longer count. They are
                // forgotten for every key of the scope, so addresses that fail once do not pile up forever.
                await using (var forget = connection.Command("DELETE FROM logon_failures WHERE scope = @scope AND at <= @start")
                    .Bind("scope", (int)key.Scope).Bind("start", windowStart))
                {
                    await forget.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using (var ended = connection.Command("DELETE FROM logon_locks WHERE until <= @at").Bind("at", at))
                {
                    await ended.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using (var insert = connection.Command("INSERT INTO logon_failures (scope, key, at) VALUES (@scope, @key, @at)")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value).Bind("at", at))
                {
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var counting = connection.Command("SELECT count(*) FROM logon_failures WHERE scope = @scope AND key = @key AND at > @start AND at <= @at")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value).Bind("start", windowStart).Bind("at", at);
                var count = await counting.ExecuteScalarAsync(token).ConfigureAwait(false);
                return Convert.ToInt32(count, CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountLogonFailuresAsync(LockoutKey key, DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT count(*) FROM logon_failures WHERE scope = @scope AND key = @key AND at >= @since")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value).Bind("since", since);
                return Convert.ToInt32(await command.ExecuteScalarAsync(token).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task ClearLogonFailuresAsync(LockoutKey key, CancellationToken cancellationToken) =>
        WriteSettingAsync(CatalogChanges.Lockouts,
            async (connection, token) =>
            {
                await using (var unlock = connection.Command("DELETE FROM logon_locks WHERE scope = @scope AND key = @key")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value))
                {
                    await unlock.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var command = connection.Command("DELETE FROM logon_failures WHERE scope = @scope AND key = @key")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task LockLogonAsync(LockoutKey key, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        "INSERT INTO logon_locks (scope, key, until) VALUES (@scope, @key, @until) "
                        + "ON CONFLICT (scope, key) DO UPDATE SET until = GREATEST(logon_locks.until, excluded.until)")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value).Bind("until", until);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLogonLockEndAsync(LockoutKey key, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT until FROM logon_locks WHERE scope = @scope AND key = @key")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? reader.GetTime(0) : (DateTimeOffset?)null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LogonLock>> ListLogonLocksAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LogonLock>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT scope, key, until FROM logon_locks WHERE until > @now ORDER BY scope, key")
                    .Bind("now", now);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var locks = new List<LogonLock>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    locks.Add(new LogonLock(new LockoutKey((LockoutScope)reader.GetInt16(0), reader.GetString(1)), reader.GetTime(2)));
                }

                return locks;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task RecordLogonSuccessAsync(string logonId, string peerAddress, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        "INSERT INTO logon_successes (logon_id, peer_address, at) VALUES (@logon, @peer, @at) "
                        + "ON CONFLICT (logon_id, peer_address) DO UPDATE SET at = GREATEST(logon_successes.at, excluded.at)")
                    .Bind("logon", logonId).Bind("peer", peerAddress).Bind("at", at);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> ForgetLogonSuccessesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM logon_successes WHERE at < @before").Bind("before", before);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KnownAddress>> ListKnownAddressesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<KnownAddress>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT logon_id, peer_address, at FROM logon_successes ORDER BY logon_id, peer_address");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var known = new List<KnownAddress>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    known.Add(new KnownAddress(reader.GetString(0), reader.GetString(1), reader.GetTime(2)));
                }

                return known;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLastLogonSuccessAsync(string logonId, string peerAddress, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT at FROM logon_successes WHERE logon_id = @logon AND peer_address = @peer")
                    .Bind("logon", logonId).Bind("peer", peerAddress);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? reader.GetTime(0) : (DateTimeOffset?)null;
            },
            cancellationToken);
}
