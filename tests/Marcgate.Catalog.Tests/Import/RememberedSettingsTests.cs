using System.Diagnostics;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Import;

// What the pipeline keeps in memory between records (accounts, verified passwords, lockout answers, repositories,
// profiles) must follow changes made to the store, by this process or by another one on the same file, as the
// administration commands make them while the host runs: the store's change feed tells it at once.
public sealed class RememberedSettingsTests
{
    private static readonly byte[] s_record = ImportFixture.RecordsOf(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")).Single();

    // Bounds the wait for another process's change; the feed checks every 100 ms.
    private static readonly TimeSpan s_heardWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_lockout_stored_in_the_store_refuses_the_next_logon_at_once()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = await ImportFixture.CreateAsync(time: clock);
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        var key = LockoutKey.ForLogonIdAtAddress(ImportFixture.LogonId, ImportFixture.Peer);
        await fixture.Store.LockLogonAsync(key, clock.GetUtcNow().AddMinutes(15), default);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record)).Code);
    }

    [Fact]
    public async Task A_changed_profile_is_used_at_once()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient(), time: clock);
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        await fixture.Store.SaveProfileAsync(GatewayImportServiceTests.Lenient() with { FieldsToDelete = ["not-a-tag"] }, default);
        var outcome = await fixture.SendAsync(s_record);

        Assert.Equal(GatewayReplyCodes.ServerError, outcome.Code);
        Assert.Contains("not-a-tag", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_changed_by_another_process_replaces_the_remembered_one()
    {
        // Tries with the new password fail until the change is heard: no lockout may end the test first.
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 1000, MaxFailuresPerPeerAddress = 1000 } };
        await using var fixture = await ImportFixture.CreateAsync(options: options);
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        await using (var other = await SqliteCatalogStore.OpenAsync(fixture.DataDirectory))
        {
            Assert.True(await other.UpdatePasswordAsync(ImportFixture.LogonId, PasswordHasher.Hash("n3w-Pa55word"), default));
        }

        Assert.True(await EventuallyAsync(async () => (await fixture.SendAsync(s_record, password: "n3w-Pa55word")).Ok));
        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record)).Code);
    }

    [Fact]
    public async Task An_unlock_by_another_process_lifts_the_remembered_lockout()
    {
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 2, MaxFailuresPerPeerAddress = 100 } };
        await using var fixture = await ImportFixture.CreateAsync(options: options);
        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record, password: "wrong")).Code);
        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record, password: "wrong")).Code);
        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record)).Code);

        await using (var other = await SqliteCatalogStore.OpenAsync(fixture.DataDirectory))
        {
            await other.ClearLogonFailuresAsync(LockoutKey.ForLogonId(ImportFixture.LogonId), default);
        }

        Assert.True(await EventuallyAsync(async () => (await fixture.SendAsync(s_record)).Ok));
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_heardWithin)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
