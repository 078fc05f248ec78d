namespace Marcgate.Catalog.Storage;

/// <summary>The catalog's storage port: repositories, profiles, accounts, lockout counters and lockouts, the addresses logons came from, records with their history, the review list, receipts (gateway §7) and the administrative audit log.</summary>
/// <remarks>
/// Every write that returns has been committed durably (gateway §7 step 8). Implementations run the
/// shared contract suite in <c>tests/Marcgate.Catalog.Tests/Storage</c>. Times are stored to the
/// microsecond; strings are compared ordinally. Any member throws <see cref="CatalogStoreException"/>
/// when the store itself fails, and <see cref="ObjectDisposedException"/> once disposed.
/// </remarks>
public interface ICatalogStore : IAsyncDisposable
{
    /// <summary>Announces changes of accounts, profiles, repositories and lockouts, made through this store or any other on the same catalog.</summary>
    ICatalogChangeFeed Changes { get; }

    /// <summary>Adds a repository; false when one of that name already exists.</summary>
    /// <exception cref="ArgumentException">The name is empty or longer than 64 characters.</exception>
    Task<bool> AddRepositoryAsync(string name, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>All repositories, ordered by name.</summary>
    Task<IReadOnlyList<CatalogRepository>> ListRepositoriesAsync(CancellationToken cancellationToken);

    /// <summary>Whether a repository of that name exists.</summary>
    Task<bool> RepositoryExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the import profile of that name.</summary>
    Task SaveProfileAsync(ImportProfile profile, CancellationToken cancellationToken);

    /// <summary>The import profile of that name, or null.</summary>
    Task<ImportProfile?> GetProfileAsync(string name, CancellationToken cancellationToken);

    /// <summary>All import profiles, ordered by name.</summary>
    Task<IReadOnlyList<ImportProfile>> ListProfilesAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the account of that logon ID.</summary>
    /// <exception cref="UnknownRepositoryException">The account names a repository that does not exist.</exception>
    Task SaveAccountAsync(Account account, CancellationToken cancellationToken);

    /// <summary>The account with that logon ID, or null.</summary>
    Task<Account?> FindAccountAsync(string logonId, CancellationToken cancellationToken);

    /// <summary>All accounts, ordered by logon ID.</summary>
    Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Removes an account; false when there was none.</summary>
    Task<bool> RemoveAccountAsync(string logonId, CancellationToken cancellationToken);

    /// <summary>Replaces an account's password hash; false when there is no such account.</summary>
    Task<bool> UpdatePasswordAsync(string logonId, PasswordHash password, CancellationToken cancellationToken);

    /// <summary>Records a failed logon and returns how many failures the key has in the window ending at <paramref name="at"/>; failures of the key's scope older than the window are forgotten.</summary>
    Task<int> RecordLogonFailureAsync(LockoutKey key, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>How many failed logons the key has at or after <paramref name="since"/>.</summary>
    Task<int> CountLogonFailuresAsync(LockoutKey key, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Forgets the key's failed logons and its lockout (after a successful logon or an administrator's reset).</summary>
    Task ClearLogonFailuresAsync(LockoutKey key, CancellationToken cancellationToken);

    /// <summary>Locks the key out until <paramref name="until"/>; a later end already stored is kept. Lockouts ended before a failure recorded later may be forgotten.</summary>
    Task LockLogonAsync(LockoutKey key, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>When the key's lockout ends (possibly in the past), or null when it has none.</summary>
    Task<DateTimeOffset?> GetLogonLockEndAsync(LockoutKey key, CancellationToken cancellationToken);

    /// <summary>The lockouts that end after <paramref name="now"/>, ordered by scope, then key.</summary>
    Task<IReadOnlyList<LogonLock>> ListLogonLocksAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every address each logon ID logged on from, with the last time, ordered by logon ID, then address.</summary>
    Task<IReadOnlyList<KnownAddress>> ListKnownAddressesAsync(CancellationToken cancellationToken);

    /// <summary>Remembers that the logon ID logged on from the peer address at <paramref name="at"/>; a later time already stored is kept.</summary>
    Task RecordLogonSuccessAsync(string logonId, string peerAddress, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the logon ID last logged on from the peer address, or null when it never did.</summary>
    Task<DateTimeOffset?> GetLastLogonSuccessAsync(string logonId, string peerAddress, CancellationToken cancellationToken);

    /// <summary>Forgets the addresses whose last successful logon was before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetLogonSuccessesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The distinct records of the repository that carry any of the numbers (035 $a, 001/003, 019 $a, 035 $z), ordered by id.</summary>
    Task<IReadOnlyList<StoredRecord>> FindByOclcNumbersAsync(string repository, IReadOnlyCollection<OclcNumber> numbers, CancellationToken cancellationToken);

    /// <summary>
    /// The records of the repository stored without OCLC numbers whose current version has that content hash
    /// (<see cref="RecordContentHash"/>), ordered by id; earlier versions never match.
    /// </summary>
    /// <remarks>
    /// How a record without an OCLC number is recognised when it is sent again (gateway §7 step 7). A record stored
    /// with numbers is matched by them instead: the same bytes would carry the same numbers.
    /// </remarks>
    Task<IReadOnlyList<StoredRecord>> FindByContentHashAsync(string repository, string contentHash, CancellationToken cancellationToken);

    /// <summary>The current version of a record of the repository, or null.</summary>
    Task<StoredRecord?> GetRecordAsync(string repository, RecordId id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records of the repository with ids after <paramref name="after"/> (from the start when null), ordered by id.</summary>
    Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string repository, RecordId? after, int limit, CancellationToken cancellationToken);

    /// <summary>How many records the repository holds.</summary>
    Task<long> CountRecordsAsync(string repository, CancellationToken cancellationToken);

    /// <summary>Every version of a record, oldest first (the last is the current one); empty when the repository holds no such record.</summary>
    Task<IReadOnlyList<RecordVersion>> GetHistoryAsync(string repository, RecordId id, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically adds a record or overlays one at the version the caller matched, and writes its
    /// <c>status=ok</c> receipt in the same transaction; identical content answers
    /// <see cref="CommitStatus.Unchanged"/> and stores no new version (gateway §7 steps 6–9).
    /// </summary>
    /// <remarks>
    /// <see cref="CommitStatus.VersionConflict"/> and <see cref="CommitStatus.OclcNumberConflict"/> store
    /// nothing, no receipt either: the caller matches again and retries. Returns once durable.
    /// </remarks>
    /// <exception cref="UnknownRepositoryException">The repository does not exist.</exception>
    Task<CommitResult> CommitAsync(RecordCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically adds new records, each as <see cref="CommitAsync"/> adds one with its <c>status=ok</c> receipt, in one
    /// transaction; returns their results in the order given (every one <see cref="CommitStatus.Added"/>), or null, storing
    /// nothing, when another record of the repository already holds one of their OCLC numbers.
    /// </summary>
    /// <remarks>
    /// The bulk path of a load of new records (gateway §7 steps 6–9 for many records at once): the caller has matched them
    /// and found nothing; on null it matches again and commits them one by one. Ids are given in the order of the list.
    /// </remarks>
    /// <exception cref="ArgumentException">A commit overlays a record, matches on content, has no bytes, names another repository than the first, or shares an OCLC number with another commit of the list.</exception>
    /// <exception cref="UnknownRepositoryException">The repository does not exist.</exception>
    Task<IReadOnlyList<CommitResult>?> AddRecordsAsync(IReadOnlyList<RecordCommit> commits, CancellationToken cancellationToken);

    /// <summary>Keeps a record that matched several records for a cataloger to review (gateway §7 step 5); returns it with its id.</summary>
    /// <exception cref="UnknownRepositoryException">The repository does not exist.</exception>
    Task<ReviewItem> AddReviewItemAsync(ReviewItem item, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> review items still waiting for review, of one repository or all when null, oldest first.</summary>
    Task<IReadOnlyList<ReviewItem>> ListReviewItemsAsync(string? repository, int limit, CancellationToken cancellationToken);

    /// <summary>Appends a receipt (gateway §7 step 9) for an outcome that commits no record; returns it with its id.</summary>
    Task<Receipt> AppendReceiptAsync(Receipt receipt, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> receipts, oldest first.</summary>
    Task<IReadOnlyList<Receipt>> GetLastReceiptsAsync(int count, CancellationToken cancellationToken);

    /// <summary>The last <see cref="ReceiptQuery.Limit"/> receipts that match every filter of the query, oldest first.</summary>
    Task<IReadOnlyList<Receipt>> FindReceiptsAsync(ReceiptQuery query, CancellationToken cancellationToken);

    /// <summary>Removes the import profile of that name; false when there was none. Accounts naming it are not checked.</summary>
    Task<bool> RemoveProfileAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes a repository with its records, their versions and its review items; false when there was none. Receipts stay.</summary>
    /// <exception cref="InvalidOperationException">An account still writes to the repository; nothing was removed.</exception>
    Task<bool> RemoveRepositoryAsync(string name, CancellationToken cancellationToken);

    /// <summary>The review item with that id, resolved or not, or null.</summary>
    Task<ReviewItem?> GetReviewItemAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically commits the record a cataloger chose for a review item (as <see cref="CommitAsync"/> does, receipt included)
    /// and marks the item resolved; with no commit, only marks it.
    /// </summary>
    /// <remarks>
    /// Not resolved, nothing stored: when the item does not exist or is already resolved (<see cref="ReviewResolutionResult.Commit"/>
    /// is null), or when the commit conflicts (the item stays open). The resolution's record id is the commit's record.
    /// </remarks>
    Task<ReviewResolutionResult> ResolveReviewItemAsync(ReviewResolution resolution, RecordCommit? commit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> receipts with ids after <paramref name="after"/>, ordered by id.</summary>
    Task<IReadOnlyList<Receipt>> ListReceiptsAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> review items, resolved or not, with ids after <paramref name="after"/>, ordered by id.</summary>
    Task<IReadOnlyList<ReviewItem>> ListAllReviewItemsAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a record read from another store as it was there: its id, created and updated times, current OCLC numbers
    /// and every version in order; false, writing nothing, when the store already holds a record of that id.
    /// </summary>
    /// <remarks>Writes no receipt. Later records added to the store take ids after the highest id written.</remarks>
    /// <exception cref="ArgumentException">The versions are not numbered 1 to <see cref="StoredRecord.Version"/> or do not belong to the record.</exception>
    /// <exception cref="UnknownRepositoryException">The repository does not exist.</exception>
    /// <exception cref="InvalidOperationException">Another record of the repository holds one of the OCLC numbers; nothing was written.</exception>
    Task<bool> ImportRecordHistoryAsync(StoredRecord current, IReadOnlyList<RecordVersion> versions, CancellationToken cancellationToken);

    /// <summary>Writes a receipt read from another store with its id and time; false, writing nothing, when a receipt of that id exists.</summary>
    Task<bool> ImportReceiptAsync(Receipt receipt, CancellationToken cancellationToken);

    /// <summary>Writes a review item read from another store with its id and resolution; false, writing nothing, when an item of that id exists.</summary>
    /// <exception cref="UnknownRepositoryException">The repository does not exist.</exception>
    Task<bool> ImportReviewItemAsync(ReviewItem item, CancellationToken cancellationToken);

    /// <summary>Adds a staff user of the web console; false when one of that name already exists.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    Task<bool> AddStaffUserAsync(StaffUser user, CancellationToken cancellationToken);

    /// <summary>The staff user of that name, or null.</summary>
    Task<StaffUser?> FindStaffUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>All staff users, ordered by name.</summary>
    Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken cancellationToken);

    /// <summary>Removes a staff user; false when there was none.</summary>
    Task<bool> RemoveStaffUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>Replaces a staff user's password hash; false when there is no such user.</summary>
    Task<bool> UpdateStaffPasswordAsync(string name, PasswordHash password, CancellationToken cancellationToken);

    /// <summary>Keeps a key of the web console's key ring; false, writing nothing, when a key of that name is stored already.</summary>
    Task<bool> AddDataProtectionKeyAsync(DataProtectionKey key, CancellationToken cancellationToken);

    /// <summary>Every key of the web console's key ring, oldest first.</summary>
    Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a new staff document; false, writing nothing, when the owner already has one of that kind and key.</summary>
    /// <exception cref="ArgumentException">The kind or key is empty.</exception>
    Task<bool> AddStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the staff document of that owner, kind and key.</summary>
    /// <exception cref="ArgumentException">The kind or key is empty.</exception>
    Task SaveStaffDocumentAsync(StaffDocument document, CancellationToken cancellationToken);

    /// <summary>The staff document of that owner, kind and key, or null.</summary>
    Task<StaffDocument?> GetStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken);

    /// <summary>The owner's staff documents of that kind, ordered by key.</summary>
    Task<IReadOnlyList<StaffDocument>> ListStaffDocumentsAsync(string owner, string kind, CancellationToken cancellationToken);

    /// <summary>Every staff document of every owner and kind, ordered by owner, kind, then key.</summary>
    Task<IReadOnlyList<StaffDocument>> ListAllStaffDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Removes the staff document of that owner, kind and key; false when there was none.</summary>
    Task<bool> RemoveStaffDocumentAsync(string owner, string kind, string key, CancellationToken cancellationToken);

    /// <summary>Removes every staff document of the owner, whatever its kind; the value is how many there were.</summary>
    /// <exception cref="ArgumentException">The owner is empty: what is kept for everyone goes with no user.</exception>
    Task<int> RemoveStaffDocumentsAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Appends an entry to the administrative audit log, stamped with the store's clock; returns it with its id and time.</summary>
    /// <exception cref="ArgumentException">The actor, action or subject name is empty.</exception>
    Task<AuditEntry> AppendAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The latest <see cref="AuditQuery.Limit"/> audit entries that match every filter of the query, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> audit entries with ids after <paramref name="after"/>, ordered by id.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Writes an audit entry read from another store with its id and time; false, writing nothing, when an entry of that id exists.</summary>
    Task<bool> ImportAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>How many receipts at or after <paramref name="since"/> had each outcome, most frequent first (then by code).</summary>
    Task<IReadOnlyList<ReceiptTally>> TallyReceiptsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>About how many bytes the store occupies (its database file, or its tables and indexes), for people watching it grow.</summary>
    Task<long> MeasureSizeAsync(CancellationToken cancellationToken);
}
