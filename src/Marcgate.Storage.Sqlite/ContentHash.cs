using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

/// <summary>The content hash that answers "unchanged" (gateway §7 step 7); one definition, shared with the import pipeline's content match.</summary>
internal static class ContentHash
{
    public static string Compute(ReadOnlySpan<byte> content) => RecordContentHash.Compute(content);
}
