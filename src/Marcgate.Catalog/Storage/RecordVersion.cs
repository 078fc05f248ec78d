namespace Marcgate.Catalog.Storage;

/// <summary>One kept version of a record: an overlay never destroys data (gateway §7 step 6).</summary>
/// <param name="Id">The record's identifier.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Content">The ISO 2709 bytes of this version.</param>
/// <param name="ContentHash">The SHA-256 of <paramref name="Content"/> in lowercase hex.</param>
/// <param name="At">When it was committed, by the store's clock; later than the version before it.</param>
/// <param name="Action">Whether it was added or overlaid.</param>
/// <param name="LogonId">The logon that sent it, if any.</param>
/// <param name="UserId">The <c>U</c> field sent with it, if any (gateway §3.1).</param>
public sealed record RecordVersion(
    RecordId Id,
    int Version,
    ReadOnlyMemory<byte> Content,
    string ContentHash,
    DateTimeOffset At,
    RecordAction Action,
    string? LogonId,
    string? UserId);
