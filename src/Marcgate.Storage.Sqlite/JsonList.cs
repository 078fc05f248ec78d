using System.Text.Json;

namespace Marcgate.Storage.Sqlite;

/// <summary>Lists kept in one column as JSON arrays, which SQLite's <c>json_each</c> can also read.</summary>
internal static class JsonList
{
    public static string FromStrings(IReadOnlyList<string> values) => JsonSerializer.Serialize([.. values], JsonListContext.Default.StringArray);

    public static IReadOnlyList<string> ToStrings(string json) => JsonSerializer.Deserialize(json, JsonListContext.Default.StringArray) ?? [];

    public static string FromNumbers(IEnumerable<long> values) => JsonSerializer.Serialize([.. values], JsonListContext.Default.Int64Array);

    public static long[] ToNumbers(string json) => JsonSerializer.Deserialize(json, JsonListContext.Default.Int64Array) ?? [];
}
