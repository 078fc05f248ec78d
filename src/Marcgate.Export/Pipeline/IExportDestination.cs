namespace Marcgate.Export.Pipeline;

/// <summary>Where prepared records go: a gateway host or a file.</summary>
public interface IExportDestination : IAsyncDisposable
{
    /// <summary>Delivers one record; failures are results, not exceptions.</summary>
    Task<DeliveryResult> DeliverAsync(PreparedRecord record, CancellationToken cancellationToken);
}
