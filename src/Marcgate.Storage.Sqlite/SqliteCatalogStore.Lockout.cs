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
            session => session.Command("DELETE FROM logon_failures WHERE scope = $scope AND key = $key")
                .Bind("$scope", (int)key.Scope).Bind("$key", key.Value)
                .ExecuteNonQuery(),
            cancellationToken);
}
