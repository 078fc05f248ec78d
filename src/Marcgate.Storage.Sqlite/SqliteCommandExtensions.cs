using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>Parameter binding that reads as one expression per parameter.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets the parameter, adding it the first time: a session's prepared command keeps its parameter objects between runs.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            parameters[index].Value = value ?? DBNull.Value;
        }
        else
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
