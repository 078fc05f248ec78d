namespace Marcgate.Gateway.Client;

/// <summary>The fields an exporter sends before a record (gateway §3.1); null fields are not sent.</summary>
/// <param name="LogonId">The <c>A</c> field: the logon ID, e.g. <c>01CARLI_NETWORK</c>.</param>
/// <param name="Password">The <c>P</c> field: the logon password.</param>
/// <param name="UserId">The <c>U</c> field: the cataloger's own user ID, for the host's audit log.</param>
public sealed record GatewayLogon(string? LogonId, string? Password, string? UserId)
{
    /// <summary>No logon block at all: the raw dialect of gateway §2.</summary>
    public static GatewayLogon None { get; } = new(null, null, null);

    /// <inheritdoc />
    public override string ToString() => $"GatewayLogon {{ LogonId = {LogonId}, Password = {(Password is null ? "none" : "***")}, UserId = {UserId} }}";
}
