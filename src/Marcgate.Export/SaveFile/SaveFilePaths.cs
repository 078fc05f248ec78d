namespace Marcgate.Export.SaveFile;

/// <summary>Where the save file lives when no path is given.</summary>
public static class SaveFilePaths
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string DataDirVariable = "MARCGATE_DATA_DIR";

    /// <summary>The default path: <c>$MARCGATE_DATA_DIR</c>, else <c>$XDG_DATA_HOME/marcgate</c>, else <c>~/.local/share/marcgate</c>, then <c>savefile.db</c>.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(DataDirVariable) is { Length: > 0 } explicitDirectory)
        {
            return Path.Combine(Path.GetFullPath(explicitDirectory), "savefile.db");
        }

        var xdg = environment("XDG_DATA_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "marcgate", "savefile.db");
    }
}
