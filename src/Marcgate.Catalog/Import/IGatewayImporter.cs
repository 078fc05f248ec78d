namespace Marcgate.Catalog.Import;

/// <summary>The import pipeline of gateway §7 as the host sees it: one request in, one outcome out.</summary>
public interface IGatewayImporter
{
    /// <summary>Reads a request's record bytes as this pipeline reads ISO 2709 (§7 step 2); the host reads each request's record once and imports the result.</summary>
    ReceivedRecord Read(ReadOnlyMemory<byte> bytes);

    /// <summary>Authenticates, decodes, validates, matches, merges and commits one record; returns only after the commit is durable (§7 step 8).</summary>
    Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken);
}
