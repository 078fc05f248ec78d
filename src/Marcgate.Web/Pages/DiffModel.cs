using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>Two versions of a record side by side.</summary>
public sealed record DiffModel(LayoutModel Page, string Repository, RecordId Id, int From, int To, IReadOnlyList<DiffRow> Rows, int Versions)
{
    /// <summary>The record's base path in the console.</summary>
    public string Path => $"/records/{Uri.EscapeDataString(Repository)}/{Id}";
}
