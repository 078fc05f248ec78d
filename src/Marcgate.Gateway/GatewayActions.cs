namespace Marcgate.Gateway;

/// <summary>The closed list of a successful reply's <c>action=</c> values (gateway §4).</summary>
public static class GatewayActions
{
    /// <summary>A new record was stored.</summary>
    public const string Added = "added";

    /// <summary>A stored record was overlaid; its previous version is kept (§7 step 6).</summary>
    public const string Overlaid = "overlaid";

    /// <summary>The same record was sent again; nothing new was stored (§7 step 7).</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The record was kept aside for review instead of being stored.</summary>
    public const string Staged = "staged";

    /// <summary>Every action of the list.</summary>
    public static IReadOnlyList<string> All { get; } = [Added, Overlaid, Unchanged, Staged];

    /// <summary>True when <paramref name="action"/> is one of the list.</summary>
    public static bool IsKnown(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);
}
