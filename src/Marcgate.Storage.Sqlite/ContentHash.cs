using System.Security.Cryptography;

namespace Marcgate.Storage.Sqlite;

/// <summary>The content hash that answers "unchanged" (gateway §7 step 7): SHA-256 in lowercase hex.</summary>
internal static class ContentHash
{
    public static string Compute(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
