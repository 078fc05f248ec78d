using Marcgate.Catalog.Storage;
using Marcgate.Validation;
using Npgsql;

namespace Marcgate.Storage.Postgres;

public sealed partial class PostgresCatalogStore
{
    private const string ProfileColumns =
        "name, validation_level, fields_to_delete, copy_cancelled_numbers, match_on_oclc_numbers, merge_method, no_match_action, protected_fields, allow_lower_encoding_level";

    /// <inheritdoc />
    public Task SaveProfileAsync(ImportProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Name);
        return WriteSettingAsync(CatalogChanges.Profiles,
            async (connection, token) =>
            {
                await using var command = connection.Command(
                        $"""
                        INSERT INTO profiles ({ProfileColumns}) VALUES (@name, @level, @delete, @copy, @match, @merge, @noMatch, @protected, @allowLower)
                        ON CONFLICT (name) DO UPDATE SET
                            validation_level = excluded.validation_level, fields_to_delete = excluded.fields_to_delete,
                            copy_cancelled_numbers = excluded.copy_cancelled_numbers, match_on_oclc_numbers = excluded.match_on_oclc_numbers,
                            merge_method = excluded.merge_method, no_match_action = excluded.no_match_action,
                            protected_fields = excluded.protected_fields, allow_lower_encoding_level = excluded.allow_lower_encoding_level
                        """)
                    .Bind("name", profile.Name)
                    .Bind("level", profile.ValidationLevel.ToString())
                    .Bind("delete", profile.FieldsToDelete.ToArray())
                    .Bind("copy", profile.CopyCancelledNumbers)
                    .Bind("match", profile.MatchOnOclcNumbers)
                    .Bind("merge", profile.MergeMethod.ToString())
                    .Bind("noMatch", profile.NoMatchAction.ToString())
                    .Bind("protected", profile.ProtectedFields.ToArray())
                    .Bind("allowLower", profile.AllowLowerEncodingLevel);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImportProfile?> GetProfileAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {ProfileColumns} FROM profiles WHERE name = @name").Bind("name", name);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false) ? ReadProfile(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ImportProfile>> ListProfilesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ImportProfile>>(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {ProfileColumns} FROM profiles ORDER BY name");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var profiles = new List<ImportProfile>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    profiles.Add(ReadProfile(reader));
                }

                return profiles;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveProfileAsync(string name, CancellationToken cancellationToken) =>
        WriteSettingAsync(CatalogChanges.Profiles,
            async (connection, token) =>
            {
                await using var command = connection.Command("DELETE FROM profiles WHERE name = @name").Bind("name", name);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private ImportProfile ReadProfile(NpgsqlDataReader reader)
    {
        var name = reader.GetString(0);
        return new ImportProfile(name)
        {
            ValidationLevel = ParseEnum<ValidationLevel>(reader.GetString(1), name),
            FieldsToDelete = reader.GetFieldValue<string[]>(2),
            CopyCancelledNumbers = reader.GetBoolean(3),
            MatchOnOclcNumbers = reader.GetBoolean(4),
            MergeMethod = ParseEnum<MergeMethod>(reader.GetString(5), name),
            NoMatchAction = ParseEnum<NoMatchAction>(reader.GetString(6), name),
            ProtectedFields = reader.GetFieldValue<string[]>(7),
            AllowLowerEncodingLevel = reader.GetBoolean(8),
        };
    }

    private TEnum ParseEnum<TEnum>(string value, string profile)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CatalogStoreException($"{Location.Display}: profile '{profile}' has an unknown {typeof(TEnum).Name} '{value}'.");
}
