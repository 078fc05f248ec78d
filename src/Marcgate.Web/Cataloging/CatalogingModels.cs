using Marcgate.Web.Pages;

namespace Marcgate.Web.Cataloging;

/// <summary>One line of the save file list.</summary>
public sealed record SaveFileRow(long Number, string Title, string? OclcNumber, char EncodingLevel, char RecordType, bool Flagged, bool Valid, string Validation, string? LastExport);

/// <summary>A named destination as the pages list it.</summary>
public sealed record DestinationRow(string Name, bool ForEveryone, string Host, int Port, string? LogonId, bool PasswordSaved);

/// <summary>The save file page.</summary>
public sealed record SaveFileModel(LayoutModel Page, IReadOnlyList<SaveFileRow> Rows, IReadOnlyList<string> Repositories, IReadOnlyList<DestinationRow> Destinations, string EffectiveDestination, string Levels);

/// <summary>One line of a record's MARC display with the validator's findings about it.</summary>
public sealed record RecordLine(string Text, IReadOnlyList<string> Findings);

/// <summary>A saved record: its MARC display, its findings and the edit form.</summary>
public sealed record SavedRecordModel(LayoutModel Page, long Number, bool Flagged, IReadOnlyList<RecordLine> Lines, string EditText, IReadOnlyList<string> RecordFindings, string Level, string? LastExport);

/// <summary>The Export Options page.</summary>
public sealed record ExportOptionsModel(LayoutModel Page, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Problems, bool PasswordSaved, string Source)
{
    internal IReadOnlyList<ExportOptionGroup> Groups => ExportOptionsForm.Groups;
}

/// <summary>The named destinations page.</summary>
public sealed record DestinationsModel(LayoutModel Page, IReadOnlyList<DestinationRow> Destinations, bool IsAdmin, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Problems);

/// <summary>The status window of one export.</summary>
public sealed record ExportRunModel(LayoutModel Page, string Id, ExportRunView Run);

/// <summary>The export history.</summary>
public sealed record ExportHistoryModel(LayoutModel Page, IReadOnlyList<(string Id, ExportRunView Run)> Exports);

/// <summary>An export as pages show it.</summary>
public sealed record ExportRunView(DateTimeOffset Started, DateTimeOffset? Finished, string Destination, string FileType, int Total, IReadOnlyList<ExportRowView> Rows, string? Summary, IReadOnlyList<string> Hints, string? DownloadName, DateTimeOffset? FileDropped = null)
{
    /// <summary>True until the export has finished.</summary>
    public bool Running => Finished is null;

    internal static ExportRunView From(ExportRunDocument run) =>
        new(run.Started, run.Finished, run.Destination, run.FileType, run.Total,
            [.. run.Rows.Select(r => new ExportRowView(r.Number, r.SaveFileNumber, r.Title, r.Outcome, r.Succeeded, r.Reply, r.RecordId, r.Reasons))],
            run.Summary, run.Hints, run.DownloadName, run.FileDropped);

    /// <summary>True while the export's file can be downloaded.</summary>
    public bool FileKept => DownloadName is not null && FileDropped is null;
}

/// <summary>One record's row in the status window.</summary>
public sealed record ExportRowView(int Number, long? SaveFileNumber, string Title, string Outcome, bool Succeeded, string Reply, string? RecordId, IReadOnlyList<string> Reasons);
