using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The audit log page: the filters as typed and the entries they found, newest first.</summary>
public sealed record AuditModel(LayoutModel Page, AuditFilter Filter, IReadOnlyList<AuditEntry> Entries);
