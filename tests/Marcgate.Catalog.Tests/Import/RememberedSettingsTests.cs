using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Import;

// What the pipeline keeps in memory between records (lockout answers, repositories, profiles) must still follow
// changes made to the store by another process, as the administration commands do while the host runs.
public sealed class RememberedSettingsTests
{
    private static readonly byte[] s_record = ImportFixture.RecordsOf(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")).Single();

    [Fact]
    public async Task A_lockout_stored_by_another_process_is_seen_once_the_remembered_answer_is_old()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = await ImportFixture.CreateAsync(time: clock);
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        var key = LockoutKey.ForLogonIdAtAddress(ImportFixture.LogonId, ImportFixture.Peer);
        await fixture.Store.LockLogonAsync(key, clock.GetUtcNow().AddMinutes(15), default);
        Assert.True((await fixture.SendAsync(s_record)).Ok);
        clock.Advance(LockoutPolicy.Recheck);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record)).Code);
    }

    [Fact]
    public async Task A_changed_profile_is_used_once_the_remembered_one_is_old()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient(), time: clock);
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        await fixture.Store.SaveProfileAsync(GatewayImportServiceTests.Lenient() with { FieldsToDelete = ["not-a-tag"] }, default);
        clock.Advance(ImportSettingsCache.Lifetime);
        var outcome = await fixture.SendAsync(s_record);

        Assert.Equal(GatewayReplyCodes.ServerError, outcome.Code);
        Assert.Contains("not-a-tag", outcome.Message, StringComparison.Ordinal);
    }
}
