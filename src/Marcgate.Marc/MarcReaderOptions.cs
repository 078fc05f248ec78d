namespace Marcgate.Marc;

/// <summary>How strictly to read MARC input.</summary>
public enum MarcReadMode
{
    /// <summary>Any structural error rejects the record, with the same diagnostics lenient mode would give.</summary>
    Strict,

    /// <summary>Recover what the peers (yaz, MARC::Record, marc4j's permissive reader) recover, and say what was done.</summary>
    Lenient,
}

/// <summary>Options for the MARC readers; the defaults are safe for untrusted input.</summary>
public sealed record MarcReaderOptions
{
    /// <summary>Lenient reading, the default for files from the wild.</summary>
    public static MarcReaderOptions Default { get; } = new();

    /// <summary>Strict reading.</summary>
    public static MarcReaderOptions StrictDefault { get; } = new() { Mode = MarcReadMode.Strict };

    /// <summary>Strict or lenient.</summary>
    public MarcReadMode Mode { get; init; } = MarcReadMode.Lenient;

    /// <summary>Largest record accepted, in bytes (ISO 2709 itself caps at 99,999; real files exceed it).</summary>
    public int MaxRecordBytes { get; init; } = 1 << 20;

    /// <summary>Largest number of fields accepted in one record.</summary>
    public int MaxFields { get; init; } = 10_000;
}
