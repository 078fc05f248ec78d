namespace Marcgate.Export.Options;

/// <summary>
/// Where option sets live: <em>My Default</em> in the user's config directory and the optional
/// <em>session</em> file named by <c>MARCGATE_SESSION</c>, which overrides the default without touching it.
/// </summary>
public sealed class ExportOptionStore
{
    /// <summary>The environment variable that overrides the config directory (tests, portable installs).</summary>
    public const string ConfigDirVariable = "MARCGATE_CONFIG_DIR";

    /// <summary>The environment variable naming this shell session's option file.</summary>
    public const string SessionVariable = "MARCGATE_SESSION";

    /// <summary>The default file's name inside the config directory.</summary>
    public const string DefaultFileName = "export-options.json";

    /// <summary>Creates a store over explicit paths.</summary>
    public ExportOptionStore(string configDirectory, string? sessionPath)
    {
        ConfigDirectory = configDirectory;
        SessionPath = string.IsNullOrWhiteSpace(sessionPath) ? null : Path.GetFullPath(sessionPath);
    }

    /// <summary>The config directory.</summary>
    public string ConfigDirectory { get; }

    /// <summary>The My Default file.</summary>
    public string DefaultPath => Path.Combine(ConfigDirectory, DefaultFileName);

    /// <summary>The session file, or null when no session is active.</summary>
    public string? SessionPath { get; }

    /// <summary>The store the environment names: <c>MARCGATE_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/marcgate</c>, else <c>~/.config/marcgate</c>.</summary>
    public static ExportOptionStore FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return new ExportOptionStore(ConfigDirectoryFrom(environment), environment(SessionVariable));
    }

    /// <summary>The config directory the environment names (XDG Base Directory specification).</summary>
    public static string ConfigDirectoryFrom(Func<string, string?> environment)
    {
        if (environment(ConfigDirVariable) is { Length: > 0 } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        var xdg = environment("XDG_CONFIG_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "marcgate");
    }

    /// <summary>The set in effect: the session's, else My Default, else the built-in defaults.</summary>
    /// <param name="source">Which file it came from, for <c>show</c>.</param>
    /// <param name="error">Why a file that exists could not be read.</param>
    public ExportOptionSet? Load(out string source, out string? error)
    {
        error = null;
        if (SessionPath is not null && File.Exists(SessionPath))
        {
            source = $"session file {SessionPath}";
            return ExportOptionSet.TryLoad(SessionPath, out error);
        }

        if (File.Exists(DefaultPath))
        {
            source = $"my default {DefaultPath}";
            return ExportOptionSet.TryLoad(DefaultPath, out error);
        }

        source = "built-in defaults";
        return new ExportOptionSet();
    }

    /// <summary>Where <c>set</c> writes: the session file when a session is active, else My Default.</summary>
    public string WorkingPath => SessionPath ?? DefaultPath;

    /// <summary>Save My Default.</summary>
    public void SaveDefault(ExportOptionSet set) => set.Save(DefaultPath);

    /// <summary>Save for Session; false when no session file is named.</summary>
    public bool TrySaveSession(ExportOptionSet set)
    {
        if (SessionPath is null)
        {
            return false;
        }

        set.Save(SessionPath);
        return true;
    }
}
