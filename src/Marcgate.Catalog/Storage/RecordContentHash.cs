using System.Security.Cryptography;

namespace Marcgate.Catalog.Storage;

/// <summary>The content hash of a stored version, which answers "unchanged" (gateway §7 step 7): SHA-256 of the ISO 2709 bytes in lowercase hex.</summary>
public static class RecordContentHash
{
    /// <summary>The hash of the bytes a commit stores, as <see cref="StoredRecord.ContentHash"/> holds it.</summary>
    public static string Compute(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
