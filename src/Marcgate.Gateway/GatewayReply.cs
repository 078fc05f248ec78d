namespace Marcgate.Gateway;

/// <summary>The host's answer to one request (gateway §4), as the host builds it; written by <see cref="GatewayReplyWriter"/>.</summary>
public sealed record GatewayReply
{
    /// <summary>True for <c>status=ok</c>.</summary>
    public required bool Ok { get; init; }

    /// <summary>On success, one of <see cref="GatewayReplyCodes"/>.</summary>
    public string? Action { get; init; }

    /// <summary>On failure, one of <see cref="GatewayReplyCodes"/>.</summary>
    public string? Code { get; init; }

    /// <summary>On failure, the human line's text after "Import Failed."; the code's standard sentence when null.</summary>
    public string? Message { get; init; }

    /// <summary>The repository the record went to.</summary>
    public string? Repository { get; init; }

    /// <summary>The stored record's identifier.</summary>
    public string? RecordId { get; init; }

    /// <summary>The record's OCLC number, when it has one.</summary>
    public string? OclcNumber { get; init; }

    /// <summary>Lines written as <c>Warning: …</c> between the human line and the <c>key=value</c> line.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>A success reply.</summary>
    /// <exception cref="ArgumentException">The action is not one of <see cref="GatewayReplyCodes"/>.</exception>
    public static GatewayReply Success(string action, string repository, string recordId, string? oclcNumber, IReadOnlyList<string>? warnings = null)
    {
        if (!GatewayReplyCodes.IsAction(action))
        {
            throw new ArgumentException($"'{action}' is not a gateway action (§4)", nameof(action));
        }

        return new GatewayReply { Ok = true, Action = action, Repository = repository, RecordId = recordId, OclcNumber = oclcNumber, Warnings = warnings ?? [] };
    }

    /// <summary>An error reply.</summary>
    /// <exception cref="ArgumentException">The code is not one of <see cref="GatewayReplyCodes"/>.</exception>
    public static GatewayReply Failure(string code, string? message = null, IReadOnlyList<string>? warnings = null)
    {
        if (!GatewayReplyCodes.IsErrorCode(code))
        {
            throw new ArgumentException($"'{code}' is not a gateway error code (§4)", nameof(code));
        }

        return new GatewayReply { Ok = false, Code = code, Message = message, Warnings = warnings ?? [] };
    }
}
