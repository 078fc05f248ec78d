using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string AccountColumns =
        "logon_id, repository, profile, password_hash, password_salt, password_iterations, allowed_addresses";

    /// <inheritdoc />
    public Task SaveAccountAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.LogonId);
        return WriteSettingAsync(
            session =>
            {
                RequireRepository(session, account.Repository);
                return session.Command($"INSERT OR REPLACE INTO accounts ({AccountColumns}) VALUES ($logon, $repository, $profile, $hash, $salt, $iterations, $allowed)")
                    .Bind("$logon", account.LogonId)
                    .Bind("$repository", account.Repository)
                    .Bind("$profile", account.ProfileName)
                    .Bind("$hash", account.Password.Hash)
                    .Bind("$salt", account.Password.Salt)
                    .Bind("$iterations", account.Password.Iterations)
                    .Bind("$allowed", JsonList.FromStrings(account.AllowedAddresses))
                    .ExecuteNonQuery();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Account?> FindAccountAsync(string logonId, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var command = session.Command($"SELECT {AccountColumns} FROM accounts WHERE logon_id = $logon").Bind("$logon", logonId);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadAccount(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Account>>(
            session =>
            {
                var command = session.Command($"SELECT {AccountColumns} FROM accounts ORDER BY logon_id");
                using var reader = command.ExecuteReader();
                var accounts = new List<Account>();
                while (reader.Read())
                {
                    accounts.Add(ReadAccount(reader));
                }

                return accounts;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveAccountAsync(string logonId, CancellationToken cancellationToken) =>
        WriteSettingAsync(
            session => session.Command("DELETE FROM accounts WHERE logon_id = $logon").Bind("$logon", logonId).ExecuteNonQuery() == 1,
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdatePasswordAsync(string logonId, PasswordHash password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return WriteSettingAsync(
            session => session.Command("UPDATE accounts SET password_hash = $hash, password_salt = $salt, password_iterations = $iterations WHERE logon_id = $logon")
                .Bind("$logon", logonId)
                .Bind("$hash", password.Hash)
                .Bind("$salt", password.Salt)
                .Bind("$iterations", password.Iterations)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    private static Account ReadAccount(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            new PasswordHash(reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4), reader.GetInt32(5)))
        {
            AllowedAddresses = JsonList.ToStrings(reader.GetString(6)),
        };
}
