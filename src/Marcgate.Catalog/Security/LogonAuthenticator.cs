using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Catalog.Security;

/// <summary>Gateway §7 step 1: checks a logon ID and password against the accounts, with lockout and the IP allow-list.</summary>
internal sealed class LogonAuthenticator(ImportSettingsCache settings, LockoutPolicy lockout, CredentialCache cache)
{
    /// <summary>The same sentence for an unknown logon ID and a wrong password, so neither can be probed (Alma's wording).</summary>
    public const string LogonFailedMessage = "Logon failed--the logon ID and/or password is not valid.";

    // Checked when the logon ID is unknown, so that answer takes as long as a wrong password.
    private static readonly Lazy<PasswordHash> s_decoy = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>Authenticates; counts failures and clears them on success.</summary>
    public async Task<LogonResult> AuthenticateAsync(string? logonId, string? password, string peerAddress, CancellationToken cancellationToken)
    {
        var peerKey = LockoutKey.ForPeerAddress(peerAddress);
        if (string.IsNullOrEmpty(logonId))
        {
            // No logon block (the raw dialect, §2) or an empty A field: nobody to authenticate.
            await lockout.RecordFailureAsync(peerKey, cancellationToken).ConfigureAwait(false);
            return new LogonResult(null, GatewayReplyCodes.LogonFailed, "Logon failed--no logon ID was sent; this host accepts records only with a logon ID and password.");
        }

        var idKey = LockoutKey.ForLogonId(logonId);
        if (await lockout.IsLockedOutAsync(peerKey, cancellationToken).ConfigureAwait(false)
            || await lockout.IsLockedOutAsync(idKey, cancellationToken).ConfigureAwait(false))
        {
            return new LogonResult(null, GatewayReplyCodes.LockedOut, "Logon locked--too many failed logons for this logon ID or address; try again later.");
        }

        var account = await settings.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false);
        if (!Verify(account, password ?? string.Empty))
        {
            await lockout.RecordFailureAsync(idKey, cancellationToken).ConfigureAwait(false);
            await lockout.RecordFailureAsync(peerKey, cancellationToken).ConfigureAwait(false);
            return new LogonResult(null, GatewayReplyCodes.LogonFailed, LogonFailedMessage);
        }

        await lockout.ClearAsync(idKey, cancellationToken).ConfigureAwait(false);
        if (!AddressAllowList.Allows(account!.AllowedAddresses, peerAddress))
        {
            return new LogonResult(null, GatewayReplyCodes.NotAuthorized, $"Not authorized--logon ID {logonId} may not export from address {peerAddress}.");
        }

        return new LogonResult(account, null, null);
    }

    private bool Verify(Account? account, string password)
    {
        if (account is null)
        {
            PasswordHasher.Verify(password, s_decoy.Value);
            return false;
        }

        if (password.Length > 0 && cache.IsVerified(account, password))
        {
            return true;
        }

        if (!PasswordHasher.Verify(password, account.Password))
        {
            return false;
        }

        cache.Remember(account, password);
        return true;
    }
}
