namespace Marcgate.Catalog.Storage;

/// <summary>Which receipts to read from the log (gateway §7 step 9): every filter given must hold; the latest <see cref="Limit"/> are returned.</summary>
public sealed record ReceiptQuery
{
    /// <summary>How many of the latest matching receipts to return.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>Only receipts of this logon ID (compared ordinally), or any when null.</summary>
    public string? LogonId { get; init; }

    /// <summary>Only <c>status=ok</c> (true) or <c>status=error</c> (false) receipts, or both when null.</summary>
    public bool? Ok { get; init; }

    /// <summary>Only receipts whose action (<c>added</c>, <c>overlaid</c>, …) or error code (<c>logon-failed</c>, …) is this reply code (gateway §4), or any when null.</summary>
    public string? Code { get; init; }

    /// <summary>Only receipts at or after this time, or any when null.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only receipts of the import with this correlation ID (compared ordinally), or any when null.</summary>
    public string? CorrelationId { get; init; }
}
