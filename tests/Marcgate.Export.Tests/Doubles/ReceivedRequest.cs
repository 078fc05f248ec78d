namespace Marcgate.Export.Tests.Doubles;

/// <summary>What a test receiver took from one request.</summary>
internal sealed record ReceivedRequest(int Connection, string? LogonId, string? Password, string? UserId, byte[] Record, bool EndedWithEot)
{
    /// <summary>Koha-style: the reply was sent because a NUL arrived, not after the silence.</summary>
    public bool AnsweredBecauseOfNul { get; init; }

    /// <summary>Every byte of the request as it came.</summary>
    public byte[] Raw { get; init; } = [];
}
