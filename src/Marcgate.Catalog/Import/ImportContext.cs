using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>One request as it goes through the pipeline: who sent it, to where, under which rules, and the warnings so far.</summary>
internal sealed class ImportContext(ImportRequest request, DateTimeOffset at)
{
    /// <summary>The request; its logon ID becomes the default account's when a request without one was accepted as that account.</summary>
    public ImportRequest Request { get; set; } = request;

    public DateTimeOffset At { get; } = at;

    /// <summary>The ID the receipt and the host's log line share: the caller's, or a new one.</summary>
    public string CorrelationId { get; } = request.CorrelationId ?? ImportCorrelation.NewId();

    public Account? Account { get; set; }

    public ProfileRules? Rules { get; set; }

    /// <summary>The repository the record goes to: the account's, or the one named when no logon is involved.</summary>
    public string? Repository { get; set; }

    public OclcNumber? OclcNumber { get; set; }

    public List<string> Warnings { get; } = [];
}
