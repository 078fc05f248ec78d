namespace Marcgate.Catalog.Storage;

/// <summary>The current version of a record in a repository.</summary>
/// <param name="Id">The record's identifier.</param>
/// <param name="Repository">The repository holding it.</param>
/// <param name="Version">The current version number, 1 for a record never overlaid.</param>
/// <param name="Content">The ISO 2709 bytes (UTF-8, leader/09 <c>a</c> after import).</param>
/// <param name="ContentHash">The SHA-256 of <paramref name="Content"/> in lowercase hex, which answers "unchanged" (gateway §7 step 7).</param>
/// <param name="OclcNumbers">Every normalised OCLC number the record is indexed under, ascending.</param>
/// <param name="Created">When version 1 was committed.</param>
/// <param name="Updated">When the current version was committed.</param>
public sealed record StoredRecord(
    RecordId Id,
    string Repository,
    int Version,
    ReadOnlyMemory<byte> Content,
    string ContentHash,
    IReadOnlyList<OclcNumber> OclcNumbers,
    DateTimeOffset Created,
    DateTimeOffset Updated);
