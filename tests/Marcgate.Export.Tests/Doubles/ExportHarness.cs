using Marcgate.Export.Gateway;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>Runs records through the real preparer and gateway destination against a receiver.</summary>
internal static class ExportHarness
{
    public const string Password = "Tr0ub4dor&3-secret";

    public static ExportOptions Options(int port) => ExportOptions.Default with
    {
        Host = "127.0.0.1",
        Port = port,
        LogonId = "01CARLI_NETWORK",
        ValidateBibliographic = Validation.ValidationLevel.None,
        Timeout = TimeSpan.FromSeconds(20),
        Retries = 0,
    };

    public static async Task<IReadOnlyList<ExportRecordResult>> ExportAsync(ExportOptions options, int count, GatewayTrace? trace = null, Action<GatewayExportDestination>? configure = null, TimeProvider? time = null)
    {
        await using var destination = new GatewayExportDestination(options, Password, trace, time);
        configure?.Invoke(destination);
        var runner = new ExportRunner(new RecordPreparer(options, new RuleValidator(), new SameCharsetConverter()), destination);
        var items = Enumerable.Range(1, count).Select(i => new ExportItem(i, $"test record {i}", TestRecords.Bibliographic(i), []));
        return await runner.ExportAllAsync(items, null, CancellationToken.None);
    }
}
