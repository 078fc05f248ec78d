using Marcgate.Catalog.Matching;
using Marcgate.Marc;

namespace Marcgate.Catalog.Import;

/// <summary>One record of an <see cref="ImportBatch"/> after gateway §7 steps 2–4: the record and what its match needs, or why it is refused.</summary>
internal sealed class PreparedImport(ImportContext context)
{
    public ImportContext Context { get; } = context;

    /// <summary>The record decoded, normalised and valid; null when it is refused or checking it failed.</summary>
    public MarcRecord? Record { get; init; }

    /// <summary>The record's OCLC numbers, when it has a record.</summary>
    public RecordOclcNumbers? Numbers { get; init; }

    /// <summary>The bytes an add stores; null when the record cannot be written as ISO 2709 (the one-by-one path says why).</summary>
    public byte[]? Content { get; init; }

    /// <summary>What decides which stored record it meets (gateway §7 steps 5 and 7): records with a key in common must not pass each other.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The refusal's reply code when the record is not one or not valid.</summary>
    public string? RefusalCode { get; init; }

    /// <summary>The refusal's human line.</summary>
    public string? RefusalMessage { get; init; }

    /// <summary>True when checking the record threw: it goes through the one-by-one pipeline, which reports the failure.</summary>
    public bool Faulted { get; init; }
}
