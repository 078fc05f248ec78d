namespace Marcgate.Catalog.Import;

/// <summary>
/// Records bound for one repository, decoded, normalised and validated together ahead of their match and commit
/// (<see cref="GatewayImportService.PrepareBatchAsync"/>, then <see cref="GatewayImportService.ImportBatchAsync"/>).
/// </summary>
public sealed class ImportBatch
{
    internal ImportBatch(string repository, string profileName, CachedProfile? profile, IReadOnlyList<ImportRequest> requests, PreparedImport[] records)
    {
        Repository = repository;
        ProfileName = profileName;
        Profile = profile;
        Requests = requests;
        Records = records;
    }

    /// <summary>How many records the batch holds.</summary>
    public int Count => Requests.Count;

    internal string Repository { get; }

    internal string ProfileName { get; }

    /// <summary>The profile the records were checked under; null when the repository or the profile cannot be used, so each record is refused on its own.</summary>
    internal CachedProfile? Profile { get; }

    internal IReadOnlyList<ImportRequest> Requests { get; }

    /// <summary>Each request as checked, in the order of <see cref="Requests"/>; empty when <see cref="Profile"/> is null.</summary>
    internal PreparedImport[] Records { get; }
}
