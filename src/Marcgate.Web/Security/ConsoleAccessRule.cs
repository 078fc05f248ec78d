namespace Marcgate.Web.Security;

/// <summary>Endpoint metadata saying who may reach the endpoint.</summary>
/// <param name="Access">Who may.</param>
public sealed record ConsoleAccessRule(ConsoleAccess Access);
