using System.CommandLine;

namespace Marcgate.Cli.Admin;

/// <summary>The <c>--data DIR</c> option every catalog command takes: where <c>marcgate.db</c> lives.</summary>
internal static class DataDirectory
{
    /// <summary>The default, relative to the working directory, as <c>marcgate serve</c> uses it.</summary>
    public const string Default = "./data";

    /// <summary>A fresh <c>--data</c> option (an option belongs to one command).</summary>
    public static Option<string> CreateOption() => new("--data")
    {
        Description = "The data directory holding marcgate.db (default ./data).",
        DefaultValueFactory = _ => Default,
    };
}
