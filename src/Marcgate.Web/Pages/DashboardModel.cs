using Marcgate.Catalog.Storage;
using Microsoft.AspNetCore.Html;

namespace Marcgate.Web.Pages;

/// <summary>The dashboard: today's outcomes, the last hour's rate and latency, the listeners, and what needs a person.</summary>
public sealed record DashboardModel(
    LayoutModel Page,
    IReadOnlyList<ReceiptTally> Today,
    IReadOnlyList<Receipt> Latest,
    IHtmlContent Chart,
    IReadOnlyList<ListenerState> Listeners,
    int Connections,
    string StoreSize,
    int ReviewOpen,
    IReadOnlyList<string> LockedLogonIds)
{
    /// <summary>The newest receipt shown, from which the live feed continues.</summary>
    public long LastReceiptId => Latest.Count == 0 ? 0 : Latest.Max(r => r.Id);
}
