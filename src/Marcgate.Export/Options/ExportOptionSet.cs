using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marcgate.Export.Options;

/// <summary>
/// An option set as Connexion keeps one: the settings that differ from the built-in defaults, named
/// destinations each with their own connection values, and the destination in use.
/// </summary>
/// <remarks>Values are kept as the text of <see cref="ExportOptionKeys"/>, so a file holds password references, never passwords.</remarks>
public sealed class ExportOptionSet
{
    /// <summary>Settings by key, as set.</summary>
    [JsonPropertyName("settings")]
    public SortedDictionary<string, string> Settings { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The destination used when none is named on the command line.</summary>
    [JsonPropertyName("destination")]
    public string? CurrentDestination { get; set; }

    /// <summary>Named destinations (<c>network</c>, <c>institution</c>, <c>sandbox</c>, …) and their connection values.</summary>
    [JsonPropertyName("destinations")]
    public SortedDictionary<string, SortedDictionary<string, string>> Destinations { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Builds the effective options: defaults, then settings, then the destination's values, then the overrides.</summary>
    /// <param name="destination">A destination name, or null for the current one.</param>
    /// <param name="overrides">Command-line values for this run only.</param>
    /// <param name="error">What is wrong, naming the setting or destination.</param>
    public ExportOptions? Resolve(string? destination, IEnumerable<KeyValuePair<string, string>> overrides, out string? error)
    {
        var options = ExportOptionKeys.TryApply(ExportOptions.Default, Settings, out error);
        if (options is null)
        {
            error = "saved settings: " + error;
            return null;
        }

        var name = destination ?? CurrentDestination;
        if (name is not null)
        {
            if (!Destinations.TryGetValue(name, out var values))
            {
                error = Destinations.Count == 0
                    ? $"destination '{name}' is not defined; no destinations are defined yet (marcgate export-options destinations add NAME …)"
                    : $"destination '{name}' is not defined; the destinations are: {string.Join(", ", Destinations.Keys)}";
                return null;
            }

            options = ExportOptionKeys.TryApply(options, values, out error);
            if (options is null)
            {
                error = $"destination '{name}': {error}";
                return null;
            }

            options = options with { DestinationName = name };
        }

        return ExportOptionKeys.TryApply(options, overrides, out error);
    }

    /// <summary>Sets one value after checking it; the error names the setting.</summary>
    public bool TrySet(string key, string value, out string? error)
    {
        if (ExportOptionKeys.TryApply(ExportOptions.Default, key, value, out error) is null)
        {
            return false;
        }

        var name = ExportOptionKeys.Find(key)!.Name;
        RemovePasswordIfReplaced(Settings, name);
        Settings[name] = name is "password-file" or "tls-ca" ? Path.GetFullPath(value) : value;
        return true;
    }

    /// <summary>Defines or updates a destination after checking its values.</summary>
    public bool TrySetDestination(string name, IEnumerable<KeyValuePair<string, string>> values, out string? error)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            error = $"destination name '{name}': use letters, digits, '-' and '_'";
            return false;
        }

        var existing = Destinations.TryGetValue(name, out var found) ? new SortedDictionary<string, string>(found, StringComparer.Ordinal) : new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var option = ExportOptionKeys.Find(key);
            if (option is null || !option.IsConnectionValue)
            {
                error = $"destination '{name}': '{key}' is not a connection value; a destination has {string.Join(", ", ExportOptionKeys.All.Where(k => k.IsConnectionValue).Select(k => k.Name))}";
                return false;
            }

            if (ExportOptionKeys.TryApply(ExportOptions.Default, key, value, out error) is null)
            {
                error = $"destination '{name}': {error}";
                return false;
            }

            RemovePasswordIfReplaced(existing, option.Name);
            existing[option.Name] = option.Name is "password-file" or "tls-ca" ? Path.GetFullPath(value) : value;
        }

        Destinations[name] = existing;
        error = null;
        return true;
    }

    /// <summary>Reads a set from JSON; null with a message naming the file when it cannot be read.</summary>
    public static ExportOptionSet? TryLoad(string path, out string? error)
    {
        try
        {
            var set = JsonSerializer.Deserialize(File.ReadAllText(path), ExportOptionSetJson.Default.ExportOptionSet);
            error = set is null ? $"{path}: the file holds no option set" : null;
            return set;
        }
        catch (JsonException e)
        {
            error = $"{path}: not a valid option set ({e.Message})";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read ({e.Message})";
            return null;
        }
    }

    /// <summary>Writes the set as JSON, replacing the file atomically.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, ExportOptionSetJson.Default.ExportOptionSet));
        File.Move(temporary, path, overwrite: true);
    }

    // A password comes from one place: setting one source forgets the other.
    private static void RemovePasswordIfReplaced(IDictionary<string, string> values, string key)
    {
        if (key == "password-env")
        {
            values.Remove("password-file");
        }
        else if (key == "password-file")
        {
            values.Remove("password-env");
        }
    }
}
