namespace Marcgate.Catalog.Import;

/// <summary>The import pipeline of gateway §7 as the host sees it: one request in, one outcome out.</summary>
public interface IGatewayImporter
{
    /// <summary>Authenticates, decodes, validates, matches, merges and commits one record; returns only after the commit is durable (§7 step 8).</summary>
    Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken);
}
