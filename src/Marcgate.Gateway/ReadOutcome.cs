namespace Marcgate.Gateway;

/// <summary>The result of reading the rest of a request from one position, on one choice of decimal lengths (gateway §3.2).</summary>
internal readonly record struct ReadOutcome
{
    public GatewayReadStatus Status { get; init; }

    public LogonFields Fields { get; init; }

    public int RecordStart { get; init; }

    public int RecordLength { get; init; }

    public int DeclaredLength { get; init; }

    public int Consumed { get; init; }

    public bool EndedWithEot { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public int ErrorOffset { get; init; }

    public bool IsInvalid => Status == GatewayReadStatus.Invalid;

    public static ReadOutcome NeedMore => new() { Status = GatewayReadStatus.NeedMoreData };

    public static ReadOutcome Invalid(string code, int offset, string message) =>
        new() { Status = GatewayReadStatus.Invalid, ErrorCode = code, ErrorOffset = offset, ErrorMessage = message };

    public static ReadOutcome Record(GatewayReadStatus status, int start, int length, int declared, int consumed, bool eot) =>
        new() { Status = status, RecordStart = start, RecordLength = length, DeclaredLength = declared, Consumed = consumed, EndedWithEot = eot };
}
