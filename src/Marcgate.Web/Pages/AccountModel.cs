using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>One gateway account: its settings, its failed logons, and the forms that change them.</summary>
public sealed record AccountModel(LayoutModel Page, Account Account, IReadOnlyList<string> Profiles, int RecentFailures, int MaxFailures);
