using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;

namespace Marcgate.Web;

/// <summary>What the program gives the console: the one catalog store and what it knows of the process around it.</summary>
/// <param name="Store">The catalog store the gateway listeners write; the program disposes of it.</param>
/// <param name="StoreHint">The words that point a command at the same store (<c>--data ./data</c>), for the advice the console gives.</param>
public sealed record WebConsoleContext(ICatalogStore Store, string StoreHint)
{
    /// <summary>The imports this process answered, by minute; null when the process counts none.</summary>
    public ImportActivity? Activity { get; init; }

    /// <summary>When failed gateway logons lock a logon ID, so that the dashboard shows the same locked accounts the gateway refuses.</summary>
    public int MaxFailuresPerLogonId { get; init; } = 5;

    /// <summary>How far back failed gateway logons count.</summary>
    public TimeSpan LockoutWindow { get; init; } = TimeSpan.FromMinutes(15);
}
