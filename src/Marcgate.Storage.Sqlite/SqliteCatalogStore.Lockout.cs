using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<int> RecordLogonFailureAsync(LockoutKey key, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var atUs = SqliteTime.ToMicroseconds(at);
        var windowStartUs = SqliteTime.ToMicroseconds(at - window);
        return WriteSettingAsync(
            session =>
            {
                // The window is (at - window, at]: failures at or before its start no longer count. They are
                // forgotten for every key of the scope, so addresses that fail once do not pile up forever.
                session.Command("DELETE FROM logon_failures WHERE scope = $scope AND at_us <= $start")
                    .Bind("$scope", (int)key.Scope).Bind("$start", windowStartUs)
                    .ExecuteNonQuery();
                session.Command("DELETE FROM logon_locks WHERE until_us <= $at").Bind("$at", atUs).ExecuteNonQuery();
                session.Command("INSERT INTO logon_failures (scope, key, at_us) VALUES ($scope, $key, $at)")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value).Bind("$at", atUs)
                    .ExecuteNonQuery();
                var count = session.Command("SELECT count(*) FROM logon_failures WHERE scope = $scope AND key = $key AND at_us > $start AND at_us <= $at")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value).Bind("$start", windowStartUs).Bind("$at", atUs)
                    .ExecuteScalar();
                return Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountLogonFailuresAsync(LockoutKey key, DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var command = session.Command("SELECT count(*) FROM logon_failures WHERE scope = $scope AND key = $key AND at_us >= $since")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value).Bind("$since", SqliteTime.ToMicroseconds(since));
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task ClearLogonFailuresAsync(LockoutKey key, CancellationToken cancellationToken) =>
        WriteSettingAsync(
            session =>
            {
                session.Command("DELETE FROM logon_locks WHERE scope = $scope AND key = $key")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value)
                    .ExecuteNonQuery();
                return session.Command("DELETE FROM logon_failures WHERE scope = $scope AND key = $key")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value)
                    .ExecuteNonQuery();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task LockLogonAsync(LockoutKey key, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteSettingAsync(
            session => session.Command(
                    "INSERT INTO logon_locks (scope, key, until_us) VALUES ($scope, $key, $until) "
                    + "ON CONFLICT (scope, key) DO UPDATE SET until_us = max(until_us, excluded.until_us)")
                .Bind("$scope", (int)key.Scope).Bind("$key", key.Value).Bind("$until", SqliteTime.ToMicroseconds(until))
                .ExecuteNonQuery(),
            cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLogonLockEndAsync(LockoutKey key, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var until = session.Command("SELECT until_us FROM logon_locks WHERE scope = $scope AND key = $key")
                    .Bind("$scope", (int)key.Scope).Bind("$key", key.Value)
                    .ExecuteScalar();
                return until is long us ? SqliteTime.FromMicroseconds(us) : (DateTimeOffset?)null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LogonLock>> ListLogonLocksAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LogonLock>>(
            session =>
            {
                var command = session.Command("SELECT scope, key, until_us FROM logon_locks WHERE until_us > $now ORDER BY scope, key")
                    .Bind("$now", SqliteTime.ToMicroseconds(now));
                using var reader = command.ExecuteReader();
                var locks = new List<LogonLock>();
                while (reader.Read())
                {
                    locks.Add(new LogonLock(new LockoutKey((LockoutScope)reader.GetInt32(0), reader.GetString(1)), SqliteTime.FromMicroseconds(reader.GetInt64(2))));
                }

                return locks;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task RecordLogonSuccessAsync(string logonId, string peerAddress, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(
            session => session.Command(
                    "INSERT INTO logon_successes (logon_id, peer_address, at_us) VALUES ($logon, $peer, $at) "
                    + "ON CONFLICT (logon_id, peer_address) DO UPDATE SET at_us = max(at_us, excluded.at_us)")
                .Bind("$logon", logonId).Bind("$peer", peerAddress).Bind("$at", SqliteTime.ToMicroseconds(at))
                .ExecuteNonQuery(),
            cancellationToken);

    /// <inheritdoc />
    public Task<int> ForgetLogonSuccessesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(
            session => session.Command("DELETE FROM logon_successes WHERE at_us < $before")
                .Bind("$before", SqliteTime.ToMicroseconds(before))
                .ExecuteNonQuery(),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KnownAddress>> ListKnownAddressesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<KnownAddress>>(
            session =>
            {
                using var reader = session.Command("SELECT logon_id, peer_address, at_us FROM logon_successes ORDER BY logon_id, peer_address").ExecuteReader();
                var known = new List<KnownAddress>();
                while (reader.Read())
                {
                    known.Add(new KnownAddress(reader.GetString(0), reader.GetString(1), SqliteTime.FromMicroseconds(reader.GetInt64(2))));
                }

                return known;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLastLogonSuccessAsync(string logonId, string peerAddress, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var at = session.Command("SELECT at_us FROM logon_successes WHERE logon_id = $logon AND peer_address = $peer")
                    .Bind("$logon", logonId).Bind("$peer", peerAddress)
                    .ExecuteScalar();
                return at is long us ? SqliteTime.FromMicroseconds(us) : (DateTimeOffset?)null;
            },
            cancellationToken);
}
