using System.Runtime.Versioning;
using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite.Tests;

/// <summary>What only the SQLite store promises: its file, its pragmas, its migrations, its constraints and its group commit.</summary>
public sealed class SqliteCatalogStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, SqliteCatalogStore.DatabaseFileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_database_is_marcgate_db_in_wal_mode_at_the_latest_schema()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            Assert.Equal(Path.GetFullPath(DatabasePath), store.DatabasePath);
        }

        // A clean close folds the write-ahead log into the database file.
        Assert.False(File.Exists(DatabasePath + "-wal"));
        using var connection = OpenRaw();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SchemaMigrator.LatestVersion, Scalar(connection, "PRAGMA user_version"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_new_data_directory_and_its_database_are_readable_by_their_owner_only()
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var data = Path.Combine(_directory.Path, "data");
        var database = Path.Combine(data, SqliteCatalogStore.DatabaseFileName);
        await using (var store = await SqliteCatalogStore.OpenAsync(data))
        {
            await store.AddRepositoryAsync("NETWORK", s_t0, default);
            Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(database));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(database + "-wal"));
        }

        // A mode its owner chose for an existing database is kept.
        File.SetUnixFileMode(database, OwnerOnly | UnixFileMode.GroupRead);
        await using (await SqliteCatalogStore.OpenAsync(data))
        {
            Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(database));
        }
    }

    [Fact]
    public async Task An_older_database_is_migrated_and_keeps_its_data()
    {
        using (var connection = OpenRaw())
        {
            SchemaMigrator.Migrate(connection, DatabasePath, targetVersion: 1);
            Execute(connection, """
                INSERT INTO repositories (name, created_us) VALUES ('NETWORK', 0);
                INSERT INTO records (id, repository, version, created_us, updated_us) VALUES (41, 'NETWORK', 1, 0, 0);
                INSERT INTO record_versions (record_id, version, content, content_hash, at_us, action) VALUES (41, 1, X'6F6C64', 'h', 0, 'added');
                INSERT INTO oclc_numbers (repository, oclc_number, record_id) VALUES ('NETWORK', 123, 41);
                """);
            Assert.Equal(1L, Scalar(connection, "PRAGMA user_version"));
        }

        SqliteConnection.ClearAllPools();
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            var record = Assert.Single(await store.FindByOclcNumbersAsync("NETWORK", [new OclcNumber(123)], default));
            Assert.Equal(new RecordId(41), record.Id);
            Assert.Equal("old"u8.ToArray(), record.Content.ToArray());

            // Tables of migration 2 work on the migrated file.
            await store.AddReviewItemAsync(new ReviewItem("NETWORK", new byte[] { 1 }, [record.Id], "Several matches.", s_t0), default);
            var next = await store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 2 }, [new OclcNumber(124)], s_t0, "192.0.2.1"), default);
            Assert.Equal(new RecordId(42), next.RecordId);
            Assert.Single(await store.GetLastReceiptsAsync(5, default));
        }

        using var reopened = OpenRaw();
        Assert.Equal((long)SchemaMigrator.LatestVersion, Scalar(reopened, "PRAGMA user_version"));
    }

    [Fact]
    public async Task A_version_2_database_gets_the_content_hash_index_and_its_records_are_found_by_content()
    {
        var content = "no oclc number"u8.ToArray();
        var hash = RecordContentHash.Compute(content);
        using (var connection = OpenRaw())
        {
            SchemaMigrator.Migrate(connection, DatabasePath, targetVersion: 2);
            Execute(connection, $"""
                INSERT INTO repositories (name, created_us) VALUES ('NETWORK', 0);
                INSERT INTO records (id, repository, version, created_us, updated_us) VALUES (7, 'NETWORK', 1, 0, 0);
                INSERT INTO record_versions (record_id, version, content, content_hash, at_us, action) VALUES (7, 1, X'{Convert.ToHexString(content)}', '{hash}', 0, 'added');
                """);
        }

        SqliteConnection.ClearAllPools();
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            Assert.Equal(new RecordId(7), Assert.Single(await store.FindByContentHashAsync("NETWORK", hash, default)).Id);
        }

        using var reopened = OpenRaw();
        Assert.True(SchemaMigrator.LatestVersion >= 3);
        Assert.Equal((long)SchemaMigrator.LatestVersion, Scalar(reopened, "PRAGMA user_version"));
        Assert.Equal(1L, Scalar(reopened, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'record_versions_by_content_hash'"));
        var plan = string.Join("\n", Rows(reopened, $"EXPLAIN QUERY PLAN SELECT r.id FROM records r JOIN record_versions v ON v.record_id = r.id AND v.version = r.version WHERE v.content_hash = '{hash}' AND v.oclc_numbered = 0 AND r.repository = 'NETWORK'"));
        Assert.Contains("record_versions_by_content_hash", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_3_database_indexes_by_content_only_the_records_without_OCLC_numbers()
    {
        var numbered = "(OCoLC)700"u8.ToArray();
        var unnumbered = "no oclc number"u8.ToArray();
        using (var connection = OpenRaw())
        {
            SchemaMigrator.Migrate(connection, DatabasePath, targetVersion: 3);
            Execute(connection, $"""
                INSERT INTO repositories (name, created_us) VALUES ('NETWORK', 0);
                INSERT INTO records (id, repository, version, created_us, updated_us) VALUES (7, 'NETWORK', 1, 0, 0), (8, 'NETWORK', 1, 0, 0);
                INSERT INTO record_versions (record_id, version, content, content_hash, at_us, action) VALUES
                    (7, 1, X'{Convert.ToHexString(numbered)}', '{RecordContentHash.Compute(numbered)}', 0, 'added'),
                    (8, 1, X'{Convert.ToHexString(unnumbered)}', '{RecordContentHash.Compute(unnumbered)}', 0, 'added');
                INSERT INTO oclc_numbers (repository, oclc_number, record_id) VALUES ('NETWORK', 700, 7);
                """);
        }

        SqliteConnection.ClearAllPools();
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            Assert.Empty(await store.FindByContentHashAsync("NETWORK", RecordContentHash.Compute(numbered), default));
            Assert.Equal(new RecordId(8), Assert.Single(await store.FindByContentHashAsync("NETWORK", RecordContentHash.Compute(unnumbered), default)).Id);
            Assert.Equal(new RecordId(7), Assert.Single(await store.FindByOclcNumbersAsync("NETWORK", [new OclcNumber(700)], default)).Id);
        }

        using var reopened = OpenRaw();
        Assert.Equal(1L, Scalar(reopened, "SELECT count(*) FROM record_versions WHERE oclc_numbered = 0"));
    }

    [Fact]
    public async Task A_database_from_a_newer_marcgate_is_refused_untouched()
    {
        using (var connection = OpenRaw())
        {
            Execute(connection, $"PRAGMA user_version = {SchemaMigrator.LatestVersion + 1}");
        }

        SqliteConnection.ClearAllPools();
        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));

        Assert.Contains($"schema version {SchemaMigrator.LatestVersion + 1} is newer", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(DatabasePath));
    }

    [Fact]
    public async Task The_schema_itself_refuses_two_records_for_one_oclc_number_in_a_repository()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            await store.AddRepositoryAsync("NETWORK", s_t0, default);
            await store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 1 }, [new OclcNumber(5)], s_t0, "192.0.2.1"), default);
            await store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 2 }, [new OclcNumber(6)], s_t0, "192.0.2.1"), default);
        }

        using var connection = OpenRaw();
        var error = Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE oclc_numbers SET oclc_number = 5 WHERE oclc_number = 6"));
        Assert.Equal(19, error.SqliteErrorCode);

        // A number may not point at a record of another repository either.
        Execute(connection, "INSERT INTO repositories (name, created_us) VALUES ('SANDBOX', 0)");
        Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO oclc_numbers (repository, oclc_number, record_id) VALUES ('SANDBOX', 7, 1)"));
    }

    [Fact]
    public async Task Concurrent_writes_share_one_transaction_and_a_failing_one_does_not_fail_the_rest()
    {
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path);
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        using var gate = new ManualResetEventSlim();

        // Hold the writer inside a batch while the next writes queue up behind it.
        var blocker = await HoldWriterAsync(store, gate);
        var batchesBefore = store.CommittedBatches;
        var commits = Enumerable.Range(1, 100)
            .Select(i => store.CommitAsync(new RecordCommit(i % 20 == 0 ? "NOWHERE" : "NETWORK", new byte[] { (byte)i }, [new OclcNumber(i)], s_t0, "192.0.2.1"), default))
            .ToArray();

        // A write that fails after it has written: its savepoint must take its row back.
        var halfDone = store.WriteAsync<int>(
            session =>
            {
                session.Command("INSERT INTO repositories (name, created_us) VALUES ('GHOST', 0)").ExecuteNonQuery();
                throw new InvalidOperationException("failed halfway");
            },
            default);
        Assert.Equal(101, store.PendingWrites);
        gate.Set();
        await blocker;
        await Task.WhenAll(commits.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(batchesBefore + 2, store.CommittedBatches);
        Assert.Equal(95, commits.Count(c => c.IsCompletedSuccessfully && c.Result.Status == CommitStatus.Added));
        Assert.All(commits.Where((_, i) => (i + 1) % 20 == 0), c => Assert.IsType<UnknownRepositoryException>(c.Exception?.InnerException));
        Assert.Equal(95, await store.CountRecordsAsync("NETWORK", default));
        Assert.Equal("failed halfway", (await Assert.ThrowsAsync<InvalidOperationException>(() => halfDone)).Message);
        Assert.False(await store.RepositoryExistsAsync("GHOST", default));
    }

    [Fact]
    public async Task Committed_records_are_copied_into_the_database_file_off_the_writer_while_the_store_is_open()
    {
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path, new SqliteCatalogStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(20) });
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        var before = new FileInfo(DatabasePath).Length;

        // 200 records of 2 KB stay below the 1,000 log pages at which the writer's own automatic checkpoint would copy
        // them, so only the checkpointing thread can (with that thread stopped, the file does not grow).
        await Task.WhenAll(Enumerable.Range(1, 200).Select(i =>
            store.CommitAsync(new RecordCommit("NETWORK", Enumerable.Repeat((byte)i, 2048).ToArray(), [new OclcNumber(i)], s_t0, "192.0.2.1"), default)));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (new FileInfo(DatabasePath).Length < before + (200 * 2048) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(new FileInfo(DatabasePath).Length >= before + (200 * 2048), $"the database file is {new FileInfo(DatabasePath).Length} bytes; the WAL was not checkpointed");
        Assert.Equal(200, await store.CountRecordsAsync("NETWORK", default));
    }

    [Fact]
    public async Task A_commit_is_answered_only_after_the_write_ahead_log_holding_it_is_flushed_to_disk()
    {
        using var flushGate = new ManualResetEventSlim(initialState: true);
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path, new SqliteCatalogStoreOptions { BeforeWalFlush = () => flushGate.Wait() });
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        var flushesBefore = store.WalFlushes;

        // Hold the flushing thread before its next fsync: the writer still commits, and the record is in the database.
        flushGate.Reset();
        var commit = store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 1, 2, 3 }, [new OclcNumber(7)], s_t0, "192.0.2.1"), default);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await store.CountRecordsAsync("NETWORK", default) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, await store.CountRecordsAsync("NETWORK", default));
        await Task.Delay(100);
        Assert.False(commit.IsCompleted, "the caller heard of its commit before the log was flushed");

        // Batches committed meanwhile share the next flush. Each of these 20 writes is committed before the next is
        // sent, so each is a batch of its own: one fsync per batch would be 21 flushes, sharing makes it at most 2.
        var batchesBefore = store.CommittedBatches;
        var more = new List<Task<CommitResult>>();
        deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var i in Enumerable.Range(8, 20))
        {
            more.Add(store.CommitAsync(new RecordCommit("NETWORK", new byte[] { (byte)i }, [new OclcNumber(i)], s_t0, "192.0.2.1"), default));
            while (await store.CountRecordsAsync("NETWORK", default) < more.Count + 1 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
        }

        Assert.Equal(21, await store.CountRecordsAsync("NETWORK", default));
        Assert.Equal(20, store.CommittedBatches - batchesBefore);
        Assert.All(more, m => Assert.False(m.IsCompleted, "a caller heard of its commit before the log was flushed"));
        flushGate.Set();
        Assert.Equal(CommitStatus.Added, (await commit).Status);
        Assert.All(await Task.WhenAll(more), r => Assert.Equal(CommitStatus.Added, r.Status));
        Assert.InRange(store.WalFlushes - flushesBefore, 1, 2);
    }

    [Fact]
    public async Task When_a_batch_cannot_commit_no_caller_hears_ok_and_the_store_goes_on()
    {
        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path);
        await store.AddRepositoryAsync("NETWORK", s_t0, default);
        using var gate = new ManualResetEventSlim();
        var blocker = await HoldWriterAsync(store, gate);

        // A deferred foreign key violation makes the batch's COMMIT itself fail.
        var poison = store.WriteAsync(
            session =>
            {
                session.Command("PRAGMA defer_foreign_keys = ON").ExecuteNonQuery();
                return session.Command("INSERT INTO accounts VALUES ('X', 'NOWHERE', 'p', X'00', X'00', 1, '[]')").ExecuteNonQuery();
            },
            default);
        var innocent = store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 1 }, [new OclcNumber(1)], s_t0, "192.0.2.1"), default);
        gate.Set();
        await blocker;

        await Assert.ThrowsAsync<CatalogStoreException>(() => poison);
        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => innocent);
        Assert.Contains("not committed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.CountRecordsAsync("NETWORK", default));
        Assert.Empty(await store.GetLastReceiptsAsync(10, default));
        var retried = await store.CommitAsync(new RecordCommit("NETWORK", new byte[] { 1 }, [new OclcNumber(1)], s_t0, "192.0.2.1"), default);
        Assert.Equal(CommitStatus.Added, retried.Status);
    }

    [Fact]
    public async Task Two_stores_on_one_file_as_host_and_admin_command_see_each_others_writes()
    {
        await using var host = await SqliteCatalogStore.OpenAsync(_directory.Path);
        await using var admin = await SqliteCatalogStore.OpenAsync(_directory.Path);
        await admin.AddRepositoryAsync("NETWORK", s_t0, default);

        var commits = Enumerable.Range(1, 20)
            .Select(i => (i % 2 == 0 ? host : admin).CommitAsync(new RecordCommit("NETWORK", new byte[] { (byte)i }, [new OclcNumber(i)], s_t0, "192.0.2.1"), default))
            .ToArray();
        var results = await Task.WhenAll(commits);
        var duplicate = await admin.CommitAsync(new RecordCommit("NETWORK", new byte[] { 99 }, [new OclcNumber(4)], s_t0, "192.0.2.1"), default);

        Assert.All(results, r => Assert.Equal(CommitStatus.Added, r.Status));
        Assert.Equal(CommitStatus.OclcNumberConflict, duplicate.Status);
        Assert.Equal(20, await host.CountRecordsAsync("NETWORK", default));
        Assert.Equal(20, (await admin.GetLastReceiptsAsync(100, default)).Count);
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false, ForeignKeys = true }.ConnectionString);
        connection.Open();
        return connection;
    }

    // A write that holds the writer inside its batch until the gate opens; returned once it runs.
    private static async Task<Task<int>> HoldWriterAsync(SqliteCatalogStore store, ManualResetEventSlim gate)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = store.WriteAsync(
            _ =>
            {
                running.SetResult();
                gate.Wait();
                return 0;
            },
            default);
        await running.Task;
        return blocker;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    // EXPLAIN QUERY PLAN rows: id, parent, notused, detail.
    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(3));
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
