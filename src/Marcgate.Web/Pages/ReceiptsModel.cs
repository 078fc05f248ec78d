using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The receipts page: the filters as typed and the receipts they found, newest first.</summary>
public sealed record ReceiptsModel(LayoutModel Page, ReceiptFilter Filter, IReadOnlyList<Receipt> Receipts, IReadOnlyList<string> Outcomes);
