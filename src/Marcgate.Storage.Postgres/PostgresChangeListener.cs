using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// The change feed on PostgreSQL: triggers send <c>NOTIFY</c> in the changing transaction (migration 0005), whichever
/// host node or command made it, and this listener <c>LISTEN</c>s on a connection of its own, outside the pool. When the
/// connection is lost it says so (<see cref="IsListening"/> false), connects again with a growing pause, and then
/// announces everything as changed, since what was sent meanwhile was not heard.
/// </summary>
internal sealed class PostgresChangeListener : ICatalogChangeFeed, IAsyncDisposable
{
    private const string Channel = "marcgate_catalog_changes";
    private static readonly TimeSpan s_firstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_longestPause = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private bool _listening;

    public PostgresChangeListener(string connectionString)
    {
        // A connection of its own: a LISTEN must not go back to the pool, and keepalives notice a server that went away.
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.KeepAlive = 10;
        _dataSource = builder.Build();
        _loop = Task.Run(ListenAsync);
    }

    public event Action<CatalogChanges>? Changed;

    public bool IsListening => Volatile.Read(ref _listening);

    /// <summary>Completes once the first connection has been tried, listening or not.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>Announces a change made through this store at once, without waiting for its notification to come back.</summary>
    public void Announce(CatalogChanges changes) => Changed?.Invoke(changes);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ListenAsync()
    {
        var pause = s_firstPause;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(_stopping.Token).ConfigureAwait(false);
                await using (var schema = connection.Command("SELECT current_schema()"))
                {
                    var prefix = await schema.ExecuteScalarAsync(_stopping.Token).ConfigureAwait(false) + " ";
                    connection.Notification += (_, e) =>
                    {
                        if (e.Payload.StartsWith(prefix, StringComparison.Ordinal))
                        {
                            Announce(Parse(e.Payload[prefix.Length..]));
                        }
                    };
                }

                await using (var listen = connection.Command($"LISTEN {Channel}"))
                {
                    await listen.ExecuteNonQueryAsync(_stopping.Token).ConfigureAwait(false);
                }

                // Listening from here on; whatever changed before is announced, as it may have been missed.
                Volatile.Write(ref _listening, true);
                _firstAttempt.TrySetResult();
                Announce(CatalogChanges.All);
                pause = s_firstPause;
                while (true)
                {
                    await connection.WaitAsync(_stopping.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                // Lost or never made: nothing cached can be trusted until listening again.
                if (Volatile.Read(ref _listening))
                {
                    Volatile.Write(ref _listening, false);
                    Announce(CatalogChanges.All);
                }

                _firstAttempt.TrySetResult();
            }

            try
            {
                await Task.Delay(pause, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_longestPause.Ticks));
        }

        Volatile.Write(ref _listening, false);
        _firstAttempt.TrySetResult();
    }

    private static CatalogChanges Parse(string kind) => kind switch
    {
        "accounts" => CatalogChanges.Accounts,
        "profiles" => CatalogChanges.Profiles,
        "repositories" => CatalogChanges.Repositories,
        "lockouts" => CatalogChanges.Lockouts,
        _ => CatalogChanges.All,
    };
}
