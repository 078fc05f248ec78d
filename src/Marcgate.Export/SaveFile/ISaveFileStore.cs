using Marcgate.Marc;

namespace Marcgate.Export.SaveFile;

/// <summary>The local save file (Connexion's "online save file", kept on disk): records, each with a flag for export.</summary>
/// <remarks>Implementations are durable and safe against two commands at once.</remarks>
public interface ISaveFileStore : IDisposable
{
    /// <summary>Where the save file is, as shown to the cataloger.</summary>
    string Path { get; }

    /// <summary>Saves a record; returns its number.</summary>
    /// <exception cref="SaveFileException">The save file cannot be written.</exception>
    long Add(MarcRecord record, byte[] iso2709, bool flagged);

    /// <summary>Every saved record, by number; only flagged ones when asked.</summary>
    IReadOnlyList<SavedRecord> List(bool flaggedOnly = false);

    /// <summary>One saved record, or null.</summary>
    SavedRecord? Get(long number);

    /// <summary>Sets or clears the export flag; returns the numbers that do not exist.</summary>
    IReadOnlyList<long> SetFlag(IEnumerable<long> numbers, bool flagged);

    /// <summary>Removes records; returns the numbers that do not exist.</summary>
    IReadOnlyList<long> Remove(IEnumerable<long> numbers);

    /// <summary>Records the outcome of an export; clears the flag when the host accepted the record.</summary>
    void RecordExport(long number, bool accepted, string outcome);
}
