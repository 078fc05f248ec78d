using Marcgate.Catalog.Storage;
using Marcgate.Validation;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string ProfileColumns =
        "name, validation_level, fields_to_delete, copy_cancelled_numbers, match_on_oclc_numbers, merge_method, no_match_action, protected_fields, allow_lower_encoding_level";

    /// <inheritdoc />
    public Task SaveProfileAsync(ImportProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Name);
        return WriteSettingAsync(
            session => session.Command(
                    $"INSERT OR REPLACE INTO profiles ({ProfileColumns}) VALUES ($name, $level, $delete, $copy, $match, $merge, $noMatch, $protected, $allowLower)")
                .Bind("$name", profile.Name)
                .Bind("$level", profile.ValidationLevel.ToString())
                .Bind("$delete", JsonList.FromStrings(profile.FieldsToDelete))
                .Bind("$copy", profile.CopyCancelledNumbers)
                .Bind("$match", profile.MatchOnOclcNumbers)
                .Bind("$merge", profile.MergeMethod.ToString())
                .Bind("$noMatch", profile.NoMatchAction.ToString())
                .Bind("$protected", JsonList.FromStrings(profile.ProtectedFields))
                .Bind("$allowLower", profile.AllowLowerEncodingLevel)
                .ExecuteNonQuery(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImportProfile?> GetProfileAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(
            session =>
            {
                var command = session.Command($"SELECT {ProfileColumns} FROM profiles WHERE name = $name").Bind("$name", name);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadProfile(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ImportProfile>> ListProfilesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ImportProfile>>(
            session =>
            {
                var command = session.Command($"SELECT {ProfileColumns} FROM profiles ORDER BY name");
                using var reader = command.ExecuteReader();
                var profiles = new List<ImportProfile>();
                while (reader.Read())
                {
                    profiles.Add(ReadProfile(reader));
                }

                return profiles;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveProfileAsync(string name, CancellationToken cancellationToken) =>
        WriteSettingAsync(
            session => session.Command("DELETE FROM profiles WHERE name = $name").Bind("$name", name).ExecuteNonQuery() == 1,
            cancellationToken);

    private ImportProfile ReadProfile(SqliteDataReader reader)
    {
        var name = reader.GetString(0);
        return new ImportProfile(name)
        {
            ValidationLevel = ParseEnum<ValidationLevel>(reader.GetString(1), name),
            FieldsToDelete = JsonList.ToStrings(reader.GetString(2)),
            CopyCancelledNumbers = reader.GetBoolean(3),
            MatchOnOclcNumbers = reader.GetBoolean(4),
            MergeMethod = ParseEnum<MergeMethod>(reader.GetString(5), name),
            NoMatchAction = ParseEnum<NoMatchAction>(reader.GetString(6), name),
            ProtectedFields = JsonList.ToStrings(reader.GetString(7)),
            AllowLowerEncodingLevel = reader.GetBoolean(8),
        };
    }

    private TEnum ParseEnum<TEnum>(string value, string profile)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CatalogStoreException($"{DatabasePath}: profile '{profile}' has an unknown {typeof(TEnum).Name} '{value}'.");
}
