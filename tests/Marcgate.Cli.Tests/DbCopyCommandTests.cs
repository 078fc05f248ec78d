using System.Text;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Postgres;
using Marcgate.Storage.Sqlite;
using Npgsql;

namespace Marcgate.Cli.Tests;

/// <summary>
/// <c>marcgate db copy</c> between SQLite data directories and PostgreSQL databases of their own on the test cluster
/// (<c>MARCGATE_TEST_PG</c>, started by <c>./test.sh</c>).
/// </summary>
public sealed class DbCopyCommandTests : IAsyncLifetime
{
    private const string StaffPassword = "Staff-Pa55-word";

    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    // The staff user's hash is worked out once: PBKDF2 at its full count is slow on purpose.
    private static readonly PasswordHash s_staffHash = PasswordHasher.Hash(StaffPassword);

    // A lockout still in force whenever the test runs, and one that ended long ago (not copied).
    private static readonly DateTimeOffset s_lockedUntil = new(DateTimeOffset.UtcNow.AddDays(30).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private readonly List<string> _directories = [];
    private readonly List<string> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }

        if (_databases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in _databases)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    [Fact]
    public async Task A_sqlite_catalog_copies_into_another_directory_and_a_second_run_changes_nothing()
    {
        var source = NewDirectory();
        var target = NewDirectory();
        await using (var store = await SqliteCatalogStore.OpenAsync(source))
        {
            await FillAsync(store);
        }

        var first = await RunAsync("db", "copy", "--from", source, "--to", target);
        var second = await RunAsync("db", "copy", "--from", source, "--to", target);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("verified", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"records NETWORK\s+2\s+2", first.Out);
        Assert.Matches(@"versions NETWORK\s+4\s+4", first.Out);
        Assert.Matches(@"review items\s+2\s+2", first.Out);
        Assert.Matches(@"audit entries\s+2\s+2", first.Out);
        Assert.Matches(@"staff users\s+2\s+2", first.Out);
        Assert.Matches(@"data protection keys\s+2\s+2", first.Out);
        Assert.Matches(@"staff documents\s+5\s+5", first.Out);
        Assert.Matches(@"logon locks\s+1\s+1", first.Out);
        Assert.Matches(@"known addresses\s+2\s+2", first.Out);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(first.Out, second.Out);
        await using var copied = await SqliteCatalogStore.OpenAsync(target);
        await AssertCopiedAsync(copied);
    }

    [Fact]
    public async Task A_copy_continues_into_a_target_that_holds_part_of_the_source()
    {
        var source = NewDirectory();
        var target = NewDirectory();
        await using (var store = await SqliteCatalogStore.OpenAsync(source))
        {
            await FillAsync(store);
        }

        Assert.Equal(0, (await RunAsync("db", "copy", "--from", source, "--to", target)).ExitCode);
        await using (var store = await SqliteCatalogStore.OpenAsync(source))
        {
            await store.CommitAsync(new RecordCommit("SANDBOX", Bytes("late"), [new OclcNumber(9001)], s_t0.AddDays(2), "192.0.2.5"), default);
        }

        var rerun = await RunAsync("db", "copy", "--from", source, "--to", target);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Matches(@"records SANDBOX\s+2\s+2", rerun.Out);
    }

    [Fact]
    public async Task A_target_holding_different_data_is_refused_and_left_as_it_was()
    {
        var source = NewDirectory();
        var target = NewDirectory();
        await using (var store = await SqliteCatalogStore.OpenAsync(source))
        {
            await FillAsync(store);
        }

        await using (var store = await SqliteCatalogStore.OpenAsync(target))
        {
            await store.AddRepositoryAsync("NETWORK", s_t0, default);
            await store.SaveAccountAsync(new Account("NETCAT1", "NETWORK", "other", Hash(3)), default);
        }

        var refused = await RunAsync("db", "copy", "--from", source, "--to", target);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused", refused.Error, StringComparison.Ordinal);
        Assert.Contains("account NETCAT1 differs", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("verified", refused.Out, StringComparison.Ordinal);
        await using var untouched = await SqliteCatalogStore.OpenAsync(target);
        Assert.Equal(["NETWORK"], (await untouched.ListRepositoriesAsync(default)).Select(r => r.Name));
        Assert.Equal(0, await untouched.CountRecordsAsync("NETWORK", default));
    }

    [Fact]
    public async Task A_sqlite_catalog_copies_into_postgresql_and_back()
    {
        var source = NewDirectory();
        var back = NewDirectory();
        var database = await NewDatabaseAsync();
        await using (var store = await SqliteCatalogStore.OpenAsync(source))
        {
            await FillAsync(store);
        }

        var there = await RunAsync("db", "copy", "--from", source, "--to", database);
        var again = await RunAsync("db", "copy", "--from", source, "--to", database);
        var home = await RunAsync("db", "copy", "--from", database, "--to", back);

        Assert.True(there.ExitCode == 0, there.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(there.Out.Split('\n')[..^2], again.Out.Split('\n')[..^2]);
        Assert.True(home.ExitCode == 0, home.Error);
        Assert.Contains("verified", home.Out, StringComparison.Ordinal);
        await using (var copied = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(database)))
        {
            await AssertCopiedAsync(copied);
        }

        await using var returned = await SqliteCatalogStore.OpenAsync(back);
        await AssertCopiedAsync(returned);
    }

    [Fact]
    public async Task Bad_locations_are_usage_errors()
    {
        var missing = NewDirectory();

        var noCatalog = await RunAsync("db", "copy", "--from", missing, "--to", NewDirectory());
        var same = await RunAsync("db", "copy", "--from", missing, "--to", missing);

        Assert.Equal(2, noCatalog.ExitCode);
        Assert.Contains("holds no catalog", noCatalog.Error, StringComparison.Ordinal);
        Assert.Equal(2, same.ExitCode);
        Assert.False(File.Exists(Path.Combine(missing, SqliteCatalogStore.DatabaseFileName)));
    }

    /// <summary>Two repositories, a profile, an account, records with several versions, receipts and two review items (one resolved).</summary>
    private static async Task FillAsync(ICatalogStore store)
    {
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        await store.AddRepositoryAsync("SANDBOX", s_t0.AddMinutes(1), default);
        await store.SaveProfileAsync(new ImportProfile("consortium") { FieldsToDelete = ["938"], ProtectedFields = ["590"], CopyCancelledNumbers = false }, default);
        await store.SaveAccountAsync(new Account("NETCAT1", "NETWORK", "consortium", Hash(7)) { AllowedAddresses = ["192.0.2.0/24"] }, default);

        var numbered = await store.CommitAsync(new RecordCommit("NETWORK", Bytes("a1"), [new OclcNumber(101)], s_t0.AddMinutes(2), "192.0.2.1") { LogonId = "NETCAT1", CorrelationId = "01KBV0RR000000A1" }, default);
        await store.CommitAsync(new RecordCommit("NETWORK", Bytes("a2"), [new OclcNumber(101), new OclcNumber(102)], s_t0.AddMinutes(3), "192.0.2.1")
        {
            ExistingId = numbered.RecordId,
            ExpectedVersion = 1,
            UserId = "jdoe",
        }, default);
        await store.CommitAsync(new RecordCommit("NETWORK", Bytes("a3"), [new OclcNumber(102)], s_t0.AddMinutes(4), "192.0.2.1") { ExistingId = numbered.RecordId, ExpectedVersion = 2 }, default);
        await store.CommitAsync(new RecordCommit("NETWORK", Bytes("b1"), [], s_t0.AddMinutes(5), "192.0.2.2") { MatchOnContent = true }, default);
        await store.CommitAsync(new RecordCommit("SANDBOX", Bytes("c1"), [new OclcNumber(101)], s_t0.AddMinutes(6), "192.0.2.3"), default);
        await store.AppendReceiptAsync(new Receipt(s_t0.AddMinutes(7), "203.0.113.9", "INTRUDER", null, Ok: false) { Code = "logon-failed", CorrelationId = "01KBV0RR000070A1" }, default);

        var open = await store.AddReviewItemAsync(new ReviewItem("NETWORK", Bytes("r1"), [numbered.RecordId!.Value], "several matches", s_t0.AddMinutes(8)) { LogonId = "NETCAT1" }, default);
        await store.AddStaffUserAsync(new StaffUser("alice", StaffRole.Admin, s_staffHash, s_t0.AddMinutes(11)), default);
        await store.AddStaffUserAsync(new StaffUser("carl", StaffRole.Cataloger, Hash(9), s_t0.AddMinutes(12)), default);
        await store.AddDataProtectionKeyAsync(new DataProtectionKey("key-0b", "<key id=\"0b\" />", s_t0.AddMinutes(13)), default);
        await store.AddDataProtectionKeyAsync(new DataProtectionKey("key-0a", "<key id=\"0a\" />", s_t0.AddMinutes(14)), default);
        foreach (var document in StaffDocuments())
        {
            await store.AddStaffDocumentAsync(document, default);
        }

        await store.LockLogonAsync(LockoutKey.ForLogonId("NETCAT1"), s_lockedUntil, default);
        await store.LockLogonAsync(LockoutKey.ForPeerAddress("203.0.113.9"), s_t0, default);
        await store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.1", s_t0.AddMinutes(15), default);
        await store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.77", s_t0.AddMinutes(16), default);

        var resolved = await store.AddReviewItemAsync(new ReviewItem("SANDBOX", Bytes("r2"), [new RecordId(1), new RecordId(2)], "several matches", s_t0.AddMinutes(9)), default);
        await store.ResolveReviewItemAsync(new ReviewResolution(resolved.Id, ReviewDecision.Discarded, "admin", s_t0.AddMinutes(10)), null, default);
        Assert.True(open.Id < resolved.Id);
        await store.AppendAuditEntryAsync(new AuditEntry("root", AuditActorKind.LocalUser, AuditActions.RepositoryAdd, AuditSubjectKind.Repository, "NETWORK", string.Empty), default);
        await store.AppendAuditEntryAsync(new AuditEntry("ada", AuditActorKind.StaffUser, AuditActions.AccountAdd, AuditSubjectKind.Account, "NETCAT1", "writes NETWORK with profile consortium"), default);
    }

    private static async Task AssertCopiedAsync(ICatalogStore copied)
    {
        var account = await copied.FindAccountAsync("NETCAT1", default);
        Assert.Equal(Hash(7).Hash, account!.Password.Hash);
        Assert.Equal(Hash(7).Salt, account.Password.Salt);
        var records = await copied.ListRecordsAsync("NETWORK", null, 10, default);
        var history = await copied.GetHistoryAsync("NETWORK", records[0].Id, default);
        Assert.Equal(["a1", "a2", "a3"], history.Select(v => Encoding.UTF8.GetString(v.Content.Span)));
        Assert.Equal([records[0].Id], (await copied.FindByOclcNumbersAsync("NETWORK", [new OclcNumber(102)], default)).Select(r => r.Id));
        Assert.Single(await copied.ListReviewItemsAsync(null, 10, default));
        var receipts = await copied.GetLastReceiptsAsync(100, default);
        Assert.Equal(6, receipts.Count);
        Assert.Equal(["01KBV0RR000000A1", null, null, null, null, "01KBV0RR000070A1"], receipts.Select(r => r.CorrelationId));

        var audit = await copied.FindAuditEntriesAsync(new AuditQuery(), default);
        Assert.Equal([("ada", AuditActorKind.StaffUser, "account.add", "NETCAT1"), ("root", AuditActorKind.LocalUser, "repository.add", "NETWORK")],
            audit.Select(e => (e.Actor, e.ActorKind, e.Action, e.SubjectName)));
        var appended = await copied.AppendAuditEntryAsync(new AuditEntry("root", AuditActorKind.LocalUser, AuditActions.RepositoryRemove, AuditSubjectKind.Repository, "SANDBOX", string.Empty), default);
        Assert.True(appended.Id > audit[0].Id);

        // Staff users sign in with the password they had, and find what they kept; the key ring is in its order.
        var (user, failure) = await new StaffSignIn(copied).CheckAsync("alice", StaffPassword, default);
        Assert.Equal(StaffSignInFailure.None, failure);
        Assert.Equal(StaffRole.Admin, user!.Role);
        Assert.Equal(s_t0.AddMinutes(11), user.Created);
        Assert.Equal(StaffSignInFailure.WrongNameOrPassword, (await new StaffSignIn(copied).CheckAsync("alice", "wrong", default)).Failure);
        Assert.Equal(StaffDocuments().OrderBy(d => d.Owner, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal), await copied.ListAllStaffDocumentsAsync(default));
        Assert.Equal(["key-0b", "key-0a"], (await copied.ListDataProtectionKeysAsync(default)).Select(k => k.Name));

        // Lockouts in force go with the catalog, ended ones do not; known addresses keep their time.
        Assert.Equal(s_lockedUntil, await copied.GetLogonLockEndAsync(LockoutKey.ForLogonId("NETCAT1"), default));
        Assert.Null(await copied.GetLogonLockEndAsync(LockoutKey.ForPeerAddress("203.0.113.9"), default));
        Assert.Equal(s_t0.AddMinutes(16), await copied.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.77", default));

        // New records take ids after the copied ones.
        var added = await copied.CommitAsync(new RecordCommit("SANDBOX", Bytes("new"), [], s_t0.AddDays(1), "192.0.2.4"), default);
        Assert.True(added.RecordId!.Value.Value > records[^1].Id.Value);
    }

    /// <summary>A save file of records, export options, a destination and export history for a cataloger, and a destination for everyone.</summary>
    private static StaffDocument[] StaffDocuments() =>
    [
        new("carl", "saved-record", "0000000001", "{\"title\":\"Café\"}", s_t0.AddMinutes(20)),
        new("carl", "export-options", "default", "{\"format\":\"marc8\"}", s_t0.AddMinutes(21)),
        new("carl", "destination", "Sandbox", "{\"host\":\"127.0.0.1\"}", s_t0.AddMinutes(22)),
        new("carl", "export-history", "0000000001", "{\"sent\":3}", s_t0.AddMinutes(23)),
        new(StaffDocument.Everyone, "destination", "Network Zone", "{\"host\":\"192.0.2.50\"}", s_t0.AddMinutes(24)),
    ];

    private static PasswordHash Hash(byte fill) => new([.. Enumerable.Repeat(fill, 32)], [.. Enumerable.Repeat((byte)(fill + 1), 16)], 210_000);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await MarcgateProgram.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "marcgate-copy-" + Guid.NewGuid().ToString("N"));
        _directories.Add(directory);
        return directory;
    }

    /// <summary>A database of its own on the test cluster; fails (never skips) when the cluster is not running.</summary>
    private async Task<string> NewDatabaseAsync()
    {
        var database = "marcgate_copy_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {database}");
        _databases.Add(database);
        return new NpgsqlConnectionStringBuilder(Server()) { Database = database }.ConnectionString;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable("MARCGATE_TEST_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("MARCGATE_TEST_PG is not set: this test needs a PostgreSQL server. Run ./test.sh, which starts a throwaway cluster and exports it.");
}
