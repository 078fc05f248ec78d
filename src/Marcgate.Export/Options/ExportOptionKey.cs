namespace Marcgate.Export.Options;

/// <summary>One setting as <c>export-options set</c>, the config files and the command-line flags name it (kebab case).</summary>
/// <param name="Name">The key, e.g. <c>notify-host-before-disconnect</c>.</param>
/// <param name="Description">Connexion's name for the setting and the values it takes.</param>
/// <param name="IsConnectionValue">True for the values a named destination carries (host, port, logon ID, password, user ID).</param>
/// <param name="Parse">Applies a text value; returns null and a reason naming the setting when the value is bad.</param>
/// <param name="Show">The current value as text (a password shows only its source).</param>
public sealed record ExportOptionKey(
    string Name,
    string Description,
    bool IsConnectionValue,
    Func<ExportOptions, string, (ExportOptions? Options, string? Error)> Parse,
    Func<ExportOptions, string> Show);
