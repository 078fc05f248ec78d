using System.Diagnostics.Metrics;

namespace Marcgate.Catalog.Metrics;

/// <summary>
/// The meter every Marcgate instrument belongs to (docs/observability.md lists them): an exporter listens to it by
/// <see cref="Name"/>, for example OpenTelemetry's <c>AddMeter(MarcgateMeter.Name)</c>.
/// </summary>
public static class MarcgateMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "Marcgate";

    /// <summary>The one meter, for the instruments of the catalog, its stores and the gateway host.</summary>
    /// <remarks>Instruments are created once, as static fields beside the code that records them, so recording costs no allocation.</remarks>
    public static Meter Meter { get; } = new(Name, typeof(MarcgateMeter).Assembly.GetName().Version?.ToString());
}
