using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The gateway accounts page, with the choices the add form offers.</summary>
public sealed record AccountsModel(
    LayoutModel Page,
    IReadOnlyList<(Account Account, int RecentFailures)> Accounts,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<string> Profiles,
    int MaxFailures,
    AccountForm Form);
