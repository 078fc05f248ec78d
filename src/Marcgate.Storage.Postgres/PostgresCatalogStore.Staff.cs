using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string StaffColumns = "name, role, password_hash, password_salt, password_iterations, created";

    /// <inheritdoc />
    public Task<bool> AddStaffUserAsync(StaffUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Name);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"INSERT INTO staff_users ({StaffColumns}) VALUES (@name, @role, @hash, @salt, @iterations, @created) ON CONFLICT (name) DO NOTHING")
                    .Bind("name", user.Name)
                    .Bind("role", RoleText(user.Role))
                    .Bind("hash", user.Password.Hash)
                    .Bind("salt", user.Password.Salt)
                    .Bind("iterations", user.Password.Iterations)
                    .Bind("created", PostgresTime.ToStored(user.Created));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StaffUser?> FindStaffUserAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {StaffColumns} FROM staff_users WHERE name = @name").Bind("name", name);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? ReadStaffUser(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffUser>>(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {StaffColumns} FROM staff_users ORDER BY name");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var users = new List<StaffUser>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    users.Add(ReadStaffUser(reader));
                }

                return users;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveStaffUserAsync(string name, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM staff_users WHERE name = @name").Bind("name", name);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdateStaffPasswordAsync(string name, PasswordHash password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("UPDATE staff_users SET password_hash = @hash, password_salt = @salt, password_iterations = @iterations WHERE name = @name")
                    .Bind("name", name)
                    .Bind("hash", password.Hash)
                    .Bind("salt", password.Salt)
                    .Bind("iterations", password.Iterations);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddDataProtectionKeyAsync(DataProtectionKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Name);
        return WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("INSERT INTO data_protection_keys (name, xml, created) VALUES (@name, @xml, @created) ON CONFLICT (name) DO NOTHING")
                    .Bind("name", key.Name)
                    .Bind("xml", key.Xml)
                    .Bind("created", PostgresTime.ToStored(key.Created));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DataProtectionKey>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT name, xml, created FROM data_protection_keys ORDER BY id");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var keys = new List<DataProtectionKey>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    keys.Add(new DataProtectionKey(reader.GetString(0), reader.GetString(1), reader.GetTime(2)));
                }

                return keys;
            },
            cancellationToken);

    private static string RoleText(StaffRole role) => role == StaffRole.Admin ? "admin" : "cataloger";

    private static StaffUser ReadStaffUser(NpgsqlDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1) == "admin" ? StaffRole.Admin : StaffRole.Cataloger,
            new PasswordHash(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), reader.GetInt32(4)),
            reader.GetTime(5));
}
