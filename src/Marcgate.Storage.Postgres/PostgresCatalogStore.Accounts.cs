using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string AccountColumns =
        "logon_id, repository, profile, password_hash, password_salt, password_iterations, allowed_addresses";

    /// <inheritdoc />
    public Task SaveAccountAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.LogonId);
        return WriteSettingAsync(CatalogChanges.Accounts,
            async (connection, token) =>
            {
                await RequireRepositoryAsync(connection, account.Repository, token).ConfigureAwait(false);
                await using var command = connection.Command(
                        $"""
                        INSERT INTO accounts ({AccountColumns}) VALUES (@logon, @repository, @profile, @hash, @salt, @iterations, @allowed)
                        ON CONFLICT (logon_id) DO UPDATE SET
                            repository = excluded.repository, profile = excluded.profile, password_hash = excluded.password_hash,
                            password_salt = excluded.password_salt, password_iterations = excluded.password_iterations,
                            allowed_addresses = excluded.allowed_addresses
                        """)
                    .Bind("logon", account.LogonId)
                    .Bind("repository", account.Repository)
                    .Bind("profile", account.ProfileName)
                    .Bind("hash", account.Password.Hash)
                    .Bind("salt", account.Password.Salt)
                    .Bind("iterations", account.Password.Iterations)
                    .Bind("allowed", account.AllowedAddresses.ToArray());
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Account?> FindAccountAsync(string logonId, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {AccountColumns} FROM accounts WHERE logon_id = @logon").Bind("logon", logonId);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? ReadAccount(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Account>>(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {AccountColumns} FROM accounts ORDER BY logon_id");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var accounts = new List<Account>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    accounts.Add(ReadAccount(reader));
                }

                return accounts;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveAccountAsync(string logonId, CancellationToken cancellationToken) =>
        WriteSettingAsync(CatalogChanges.Accounts,
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM accounts WHERE logon_id = @logon").Bind("logon", logonId);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdatePasswordAsync(string logonId, PasswordHash password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return WriteSettingAsync(CatalogChanges.Accounts,
            async (connection, token) =>
            {
                await using var command = connection.Command("UPDATE accounts SET password_hash = @hash, password_salt = @salt, password_iterations = @iterations WHERE logon_id = @logon")
                    .Bind("logon", logonId)
                    .Bind("hash", password.Hash)
                    .Bind("salt", password.Salt)
                    .Bind("iterations", password.Iterations);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static Account ReadAccount(NpgsqlDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            new PasswordHash(reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4), reader.GetInt32(5)))
        {
            AllowedAddresses = reader.GetFieldValue<string[]>(6),
        };
}
