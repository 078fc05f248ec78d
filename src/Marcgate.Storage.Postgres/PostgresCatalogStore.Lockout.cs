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
                await using var command = connection.Command("DELETE FROM logon_failures WHERE scope = @scope AND key = @key")
                    .Bind("scope", (int)key.Scope).Bind("key", key.Value);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
}
