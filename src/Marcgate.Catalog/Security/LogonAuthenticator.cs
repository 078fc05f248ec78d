using Marcgate.Catalog.Import;
using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Catalog.Security;

/// <summary>Gateway §7 step 1: checks a logon ID and password against the accounts, with lockout and the IP allow-list.</summary>
internal sealed class LogonAuthenticator(ImportSettingsCache settings, LockoutPolicy lockout, CredentialCache cache, TimeProvider time)
{
    /// <summary>The same sentence for an unknown logon ID and a wrong password, so neither can be probed (Alma's wording).</summary>
    public const string LogonFailedMessage = "Logon failed--the logon ID and/or password is not valid.";

    // Checked when the logon ID is unknown, so that answer takes as long as a wrong password.
    private static readonly Lazy<PasswordHash> s_decoy = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>Authenticates; counts failures, and after a success forgets the logon ID's failures at the address and remembers the address.</summary>
    public async Task<LogonResult> AuthenticateAsync(string? logonId, string? password, string peerAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(logonId))
        {
            // No logon block (the raw dialect, §2) or an empty A field: nobody to authenticate.
            LogonMetrics.Refused(LogonMetrics.NoLogonId);
            await lockout.RecordFailureAsync(null, peerAddress, cancellationToken).ConfigureAwait(false);
            return new LogonResult(null, GatewayReplyCodes.LogonFailed, "Logon failed--no logon ID was sent; this host accepts records only with a logon ID and password.");
        }

        if (await lockout.IsLockedOutAsync(logonId, peerAddress, cancellationToken).ConfigureAwait(false))
        {
            LogonMetrics.Refused(LogonMetrics.LockedOut);
            return new LogonResult(null, GatewayReplyCodes.LockedOut, "Logon locked--too many failed logons for this logon ID or address; try again later.");
        }

        var account = await settings.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false);
        if (!await VerifyAsync(logonId, account, password ?? string.Empty, cancellationToken).ConfigureAwait(false))
        {
            LogonMetrics.Refused(account is null ? LogonMetrics.UnknownLogonId : LogonMetrics.WrongPassword);
            await lockout.RecordFailureAsync(logonId, peerAddress, cancellationToken).ConfigureAwait(false);
            return new LogonResult(null, GatewayReplyCodes.LogonFailed, LogonFailedMessage);
        }

        if (!AddressAllowList.Allows(account!.AllowedAddresses, peerAddress))
        {
            LogonMetrics.Refused(LogonMetrics.AllowList);
            return new LogonResult(null, GatewayReplyCodes.NotAuthorized, $"Not authorized--logon ID {logonId} may not export from address {peerAddress}.");
        }

        await lockout.RecordSuccessAsync(logonId, peerAddress, cancellationToken).ConfigureAwait(false);
        return new LogonResult(account, null, null);
    }

    /// <summary>
    /// A request without a logon ID (the raw dialect, §2, or Send Logon ID off) on a listener that names a default account:
    /// accepted as that account only from an address on its allow list. An account that allows any address is never used
    /// this way, since nothing would then stand between the port and the repository.
    /// </summary>
    public async Task<LogonResult> AuthenticateDefaultAsync(string defaultLogonId, string peerAddress, CancellationToken cancellationToken)
    {
        if (await lockout.IsPeerAddressLockedOutAsync(peerAddress, cancellationToken).ConfigureAwait(false))
        {
            return new LogonResult(null, GatewayReplyCodes.LockedOut, "Logon locked--too many failed logons from this address; try again later.");
        }

        var account = await settings.FindAccountAsync(defaultLogonId, cancellationToken).ConfigureAwait(false);
        if (account is null || account.AllowedAddresses.Count == 0)
        {
            await lockout.RecordFailureAsync(null, peerAddress, cancellationToken).ConfigureAwait(false);
            var why = account is null ? "does not exist" : "allows any address, so it is not used for records without a logon ID";
            return new LogonResult(null, GatewayReplyCodes.LogonFailed, $"Logon failed--no logon ID was sent, and this host's default account {defaultLogonId} {why}.");
        }

        if (!AddressAllowList.Allows(account.AllowedAddresses, peerAddress))
        {
            await lockout.RecordFailureAsync(null, peerAddress, cancellationToken).ConfigureAwait(false);
            return new LogonResult(null, GatewayReplyCodes.NotAuthorized, $"Not authorized--no logon ID was sent, and address {peerAddress} may not send records without one.");
        }

        return new LogonResult(account, null, null);
    }

    private async Task<bool> VerifyAsync(string logonId, Account? account, string password, CancellationToken cancellationToken)
    {
        if (account is not null && password.Length > 0 && cache.IsVerified(account, password))
        {
            return true;
        }

        // Only a password not verified lately waits: a cataloger's batch from a known address pays the delay once, a guess every time.
        var delay = await lockout.DelayBeforeCheckAsync(logonId, cancellationToken).ConfigureAwait(false);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        if (account is null)
        {
            PasswordHasher.Verify(password, s_decoy.Value);
            return false;
        }

        if (!PasswordHasher.Verify(password, account.Password))
        {
            return false;
        }

        cache.Remember(account, password);
        return true;
    }
}
