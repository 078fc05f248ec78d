using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Catalog.Import;

/// <summary>The import pipeline of gateway §7, steps 1–9: authenticate, decode, normalise, validate, match, merge, keep history, commit durably, log the receipt.</summary>
public sealed partial class GatewayImportService : IGatewayImporter
{
    // The profile used when the store has none of the default name.
    private static readonly Lazy<CachedProfile> s_defaultProfile = new(() => CachedProfile.Create(new ImportProfile(ImportOptions.DefaultProfileName), DateTimeOffset.MinValue));

    private readonly ICatalogStore _store;
    private readonly IRecordValidator _validator;
    private readonly ImportOptions _options;
    private readonly TimeProvider _time;
    private readonly LogonAuthenticator _authenticator;
    private readonly OclcNumberLocks _locks = new();
    private readonly ImportSettingsCache _settings;

    /// <summary>Creates the pipeline over a store and a validator.</summary>
    public GatewayImportService(ICatalogStore store, IRecordValidator validator, ImportOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(validator);
        _store = store;
        _validator = validator;
        _options = options ?? new ImportOptions();
        _time = time ?? TimeProvider.System;
        var changes = new CatalogChangeCounter(store.Changes);
        _settings = new ImportSettingsCache(store, changes, _time);
        var lockout = new LockoutPolicy(store, _options.Lockout, _time);
        var credentials = new CredentialCache(_options.CredentialCacheLifetime, _time);
        changes.Changed += changed =>
        {
            if (changed.HasFlag(CatalogChanges.Accounts))
            {
                credentials.Forget();
            }

            if (changed.HasFlag(CatalogChanges.Lockouts))
            {
                lockout.Forget();
            }
        };
        _authenticator = new LogonAuthenticator(_settings, lockout, credentials, _time);
    }

    /// <inheritdoc />
    public ReceivedRecord Read(ReadOnlyMemory<byte> bytes) => ReceivedRecord.Read(bytes, _options.Reader);

    /// <inheritdoc />
    public Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(new ImportContext(request, _time.GetUtcNow()), context => AuthenticateAndImportAsync(context, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Imports one record into <paramref name="repository"/> under the import profile <paramref name="profileName"/>: the pipeline after
    /// authentication (gateway §7 steps 2–9), for records that come from the catalog's own administrator rather than over a logon.
    /// </summary>
    /// <remarks>The request's logon ID and password are not checked; its user ID and peer address go to the versions and the receipt log.</remarks>
    public Task<ImportOutcome> ImportAsync(string repository, string profileName, ImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(profileName);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(new ImportContext(request, _time.GetUtcNow()), context => ImportIntoAsync(context, repository, profileName, cancellationToken), cancellationToken);
    }

    private async Task<ImportOutcome> RunAsync(ImportContext context, Func<ImportContext, Task<ImportOutcome>> import, CancellationToken cancellationToken)
    {
        try
        {
            return await import(context).ConfigureAwait(false);
        }
        catch (CatalogStoreException exception) when (exception.StorageFull)
        {
            // Not a broken host: the catalog is whole and the same record goes in once space is freed, so the cataloger
            // is told so, in words Connexion's status window shows.
            return await FailAsync(
                context,
                GatewayReplyCodes.StorageFull,
                "Storage full--the host's disk is full, so the record was not stored; send it again once the host's administrator has freed space.",
                cancellationToken,
                detail: exception.Message).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A broken store or a bug: the client still gets a reply (§4) and the receipt says what failed.
            // The client sees no internals; the receipt log keeps what went wrong for the administrator.
            return await FailAsync(
                context,
                GatewayReplyCodes.ServerError,
                "Server error--the record was not stored; the host's receipt log has the details.",
                cancellationToken,
                detail: $"{exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
        }
    }

    private async Task<ImportOutcome> AuthenticateAndImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        // §7 step 1: authenticate; the account names the only repository this logon writes.
        var request = context.Request;
        var logon = string.IsNullOrEmpty(request.LogonId) && !string.IsNullOrEmpty(request.DefaultLogonId)
            ? await _authenticator.AuthenticateDefaultAsync(request.DefaultLogonId, request.PeerAddress, cancellationToken).ConfigureAwait(false)
            : await _authenticator.AuthenticateAsync(request.LogonId, request.Password, request.PeerAddress, cancellationToken).ConfigureAwait(false);
        if (logon.Account is null)
        {
            return await FailAsync(context, logon.Code!, logon.Message!, cancellationToken).ConfigureAwait(false);
        }

        context.Account = logon.Account;

        // Versions, review items and receipts say which account a request without a logon ID was taken as.
        if (string.IsNullOrEmpty(request.LogonId))
        {
            context.Request = request with { LogonId = logon.Account.LogonId };
        }

        return await ImportIntoAsync(context, logon.Account.Repository, logon.Account.ProfileName, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ImportOutcome> ImportIntoAsync(ImportContext context, string repository, string profileName, CancellationToken cancellationToken)
    {
        context.Repository = repository;
        var (cached, refusal) = await ResolveAsync(context.Account, repository, profileName, cancellationToken).ConfigureAwait(false);
        if (cached is null)
        {
            return await FailAsync(context, refusal.Code, refusal.Message, cancellationToken).ConfigureAwait(false);
        }

        context.Rules = cached.Rules;
        var (record, invalid) = Check(context, cached.Profile);
        if (record is null)
        {
            return await FailAsync(context, invalid.Code, invalid.Message, cancellationToken).ConfigureAwait(false);
        }

        // §7 steps 5-9.
        return await MatchMergeCommitAsync(context, record, RecordOclcNumbers.From(record), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The repository and the usable profile a record is imported under, or why it cannot be.</summary>
    private async Task<(CachedProfile? Profile, Refusal Refusal)> ResolveAsync(Account? account, string repository, string profileName, CancellationToken cancellationToken)
    {
        var whose = account is not null ? $" of logon ID {account.LogonId}" : string.Empty;
        if (!await _settings.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return (null, new(GatewayReplyCodes.NotAuthorized, $"Not authorized--repository {repository}{whose} does not exist."));
        }

        var cached = await _settings.GetProfileAsync(profileName, cancellationToken).ConfigureAwait(false);
        if (cached is null && profileName == ImportOptions.DefaultProfileName)
        {
            cached = s_defaultProfile.Value;
        }

        if (cached is null)
        {
            return (null, new(GatewayReplyCodes.ServerError, $"Server error--import profile '{profileName}'{whose} does not exist; nothing was stored."));
        }

        if (cached.Errors.Count > 0)
        {
            return (null, new(GatewayReplyCodes.ServerError, $"Server error--{string.Join(" ", cached.Errors)}"));
        }

        return (cached, default);
    }

    /// <summary>Gateway §7 steps 2–4, which need no store: decode, normalise per profile, validate at the profile's level.</summary>
    /// <remarks>Warnings go to the context; the record comes back null with the refusal when it is not one or not valid.</remarks>
    private (MarcRecord? Record, Refusal Refusal) Check(ImportContext context, ImportProfile profile)
    {
        // §7 step 2: ISO 2709 → Unicode NFC, leader/09 'a'.
        var received = context.Request.Record;
        if (!received.IsRecord)
        {
            return (null, new(GatewayReplyCodes.BadRecord, received.Problem));
        }

        var record = RecordDecoder.Decode(received, context.Warnings);

        // §7 step 3: normalise per profile.
        RecordNormalizer.Normalize(record, context.Rules!);

        // §7 step 4: validate at the profile's level.
        var findings = profile.ValidationLevel == ValidationLevel.None ? [] : _validator.Validate(record, profile.ValidationLevel);
        var errors = findings.Where(f => f.Severity == ValidationSeverity.Error).ToList();
        context.Warnings.AddRange(findings.Where(f => f.Severity == ValidationSeverity.Warning).Select(Describe));
        if (errors.Count > 0)
        {
            var reasons = string.Join("; ", errors.Select(Describe));
            return (null, new(GatewayReplyCodes.InvalidRecord, $"The record is not valid at the {profile.ValidationLevel} level: {reasons}."));
        }

        return (record, default);
    }

    private static string Describe(ValidationDiagnostic finding)
    {
        var where = finding.Tag is null ? string.Empty : finding.Occurrence > 1 ? $"{finding.Tag} (occurrence {finding.Occurrence}): " : $"{finding.Tag}: ";
        return $"{where}{finding.Message} [{finding.Id}]";
    }

    /// <summary>Why a record is refused: the reply's code and its human line (gateway §4).</summary>
    private readonly record struct Refusal(string Code, string Message);
}
