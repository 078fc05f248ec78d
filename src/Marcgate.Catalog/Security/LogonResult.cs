using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>The outcome of checking a logon (gateway §7 step 1): the account, or the error code and message to reply with.</summary>
/// <param name="Account">The authenticated account, or null.</param>
/// <param name="Code">The error code when the logon was refused.</param>
/// <param name="Message">Why, for the cataloger.</param>
internal sealed record LogonResult(Account? Account, string? Code, string? Message);
