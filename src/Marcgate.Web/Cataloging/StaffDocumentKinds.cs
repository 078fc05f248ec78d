namespace Marcgate.Web.Cataloging;

/// <summary>The kinds of staff documents the cataloging pages keep in the catalog.</summary>
internal static class StaffDocumentKinds
{
    public const string SavedRecord = "saved-record";
    public const string ExportOptions = "export-options";
    public const string SessionExportOptions = "export-options-session";
    public const string Destination = "export-destination";
    public const string Export = "export";
    public const string ExportFile = "export-file";

    /// <summary>The key of a cataloger's My Default export options.</summary>
    public const string DefaultKey = "default";
}
