using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string StaffColumns = "name, role, password_hash, password_salt, password_iterations, created_us";

    /// <inheritdoc />
    public Task<bool> AddStaffUserAsync(StaffUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Name);
        return WriteAsync(
            session => session.Command($"INSERT INTO staff_users ({StaffColumns}) VALUES ($name, $role, $hash, $salt, $iterations, $created) ON CONFLICT (name) DO NOTHING")
                .Bind("$name", user.Name)
                .Bind("$role", RoleText(user.Role))
                .Bind("$hash", user.Password.Hash)
                .Bind("$salt", user.Password.Salt)
                .Bind("$iterations", user.Password.Iterations)
                .Bind("$created", SqliteTime.ToMicroseconds(user.Created))
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StaffUser?> FindStaffUserAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                using var reader = session.Command($"SELECT {StaffColumns} FROM staff_users WHERE name = $name").Bind("$name", name).ExecuteReader();
                return reader.Read() ? ReadStaffUser(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StaffUser>>(
            session =>
            {
                using var reader = session.Command($"SELECT {StaffColumns} FROM staff_users ORDER BY name").ExecuteReader();
                var users = new List<StaffUser>();
                while (reader.Read())
                {
                    users.Add(ReadStaffUser(reader));
                }

                return users;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveStaffUserAsync(string name, CancellationToken cancellationToken) =>
        WriteAsync(
            session => session.Command("DELETE FROM staff_users WHERE name = $name").Bind("$name", name).ExecuteNonQuery() == 1,
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdateStaffPasswordAsync(string name, PasswordHash password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return WriteAsync(
            session => session.Command("UPDATE staff_users SET password_hash = $hash, password_salt = $salt, password_iterations = $iterations WHERE name = $name")
                .Bind("$name", name)
                .Bind("$hash", password.Hash)
                .Bind("$salt", password.Salt)
                .Bind("$iterations", password.Iterations)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddDataProtectionKeyAsync(DataProtectionKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Name);
        return WriteAsync(
            session => session.Command("INSERT INTO data_protection_keys (name, xml, created_us) VALUES ($name, $xml, $created) ON CONFLICT (name) DO NOTHING")
                .Bind("$name", key.Name)
                .Bind("$xml", key.Xml)
                .Bind("$created", SqliteTime.ToMicroseconds(key.Created))
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DataProtectionKey>>(
            session =>
            {
                using var reader = session.Command("SELECT name, xml, created_us FROM data_protection_keys ORDER BY id").ExecuteReader();
                var keys = new List<DataProtectionKey>();
                while (reader.Read())
                {
                    keys.Add(new DataProtectionKey(reader.GetString(0), reader.GetString(1), SqliteTime.FromMicroseconds(reader.GetInt64(2))));
                }

                return keys;
            },
            cancellationToken);

    private static string RoleText(StaffRole role) => role == StaffRole.Admin ? "admin" : "cataloger";

    private static StaffUser ReadStaffUser(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1) == "admin" ? StaffRole.Admin : StaffRole.Cataloger,
            new PasswordHash(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), reader.GetInt32(4)),
            SqliteTime.FromMicroseconds(reader.GetInt64(5)));
}
