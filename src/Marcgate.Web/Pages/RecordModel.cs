using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Web.Pages;

/// <summary>One record: a version as catalogers read it, its mnemonic text, its downloads and its history.</summary>
/// <param name="Page">The layout.</param>
/// <param name="Repository">The repository holding it.</param>
/// <param name="Id">The record.</param>
/// <param name="Shown">The version shown.</param>
/// <param name="Record">That version read, or null when its bytes do not read back as ISO 2709.</param>
/// <param name="Mnemonic">That version's <c>.mrk</c> text.</param>
/// <param name="History">Every version, newest first.</param>
public sealed record RecordModel(LayoutModel Page, string Repository, RecordId Id, RecordVersion Shown, MarcRecord? Record, string Mnemonic, IReadOnlyList<RecordVersion> History)
{
    /// <summary>The current version's number.</summary>
    public int Current => History.Count == 0 ? 0 : History[0].Version;

    /// <summary>The record's base path in the console.</summary>
    public string Path => $"/records/{Uri.EscapeDataString(Repository)}/{Id}";
}
