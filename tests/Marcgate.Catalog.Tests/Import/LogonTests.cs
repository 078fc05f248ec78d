using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Gateway;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Import;

// gateway §7 step 1: authentication, lockout and address lists.
public sealed class LogonTests
{
    private static readonly byte[] s_record = ImportFixture.RecordsOf(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")).Single();

    [Fact]
    public async Task Unknown_logon_id_and_wrong_password_get_the_same_answer()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var unknown = await fixture.SendAsync(s_record, logonId: "NOBODY");
        var wrong = await fixture.SendAsync(s_record, password: "guess");

        Assert.Equal((GatewayReplyCodes.LogonFailed, LogonAuthenticator.LogonFailedMessage), (unknown.Code, unknown.Message));
        Assert.Equal((unknown.Ok, unknown.Code, unknown.Message), (wrong.Ok, wrong.Code, wrong.Message));
        Assert.Equal(0, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task No_logon_block_is_refused()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var outcome = await fixture.SendAsync(s_record, logonId: null, password: null);

        Assert.Equal(GatewayReplyCodes.LogonFailed, outcome.Code);
        Assert.Contains("no logon ID was sent", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_logon_id_uses_the_default_account_from_its_allowed_addresses_only()
    {
        await using var fixture = await ImportFixture.CreateAsync(allow: ["192.0.2.0/24"]);

        var allowed = await SendWithoutLogonAsync(fixture, ImportFixture.LogonId, "192.0.2.44");
        var elsewhere = await SendWithoutLogonAsync(fixture, ImportFixture.LogonId, "198.51.100.1");
        var noDefault = await SendWithoutLogonAsync(fixture, null, "192.0.2.44");
        var unknownDefault = await SendWithoutLogonAsync(fixture, "NOBODY", "192.0.2.44");

        Assert.True(allowed.Ok, allowed.Message);
        Assert.Equal(GatewayReplyCodes.NotAuthorized, elsewhere.Code);
        Assert.Contains("may not send records without one", elsewhere.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayReplyCodes.LogonFailed, noDefault.Code);
        Assert.Equal(GatewayReplyCodes.LogonFailed, unknownDefault.Code);
        Assert.Contains("default account NOBODY does not exist", unknownDefault.Message, StringComparison.Ordinal);
        var receipts = await fixture.Store.GetLastReceiptsAsync(4, default);
        Assert.Equal(ImportFixture.LogonId, receipts[0].LogonId);
    }

    [Fact]
    public async Task A_default_account_that_allows_any_address_is_never_used_without_a_logon_id()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var outcome = await SendWithoutLogonAsync(fixture, ImportFixture.LogonId, ImportFixture.Peer);

        Assert.Equal(GatewayReplyCodes.LogonFailed, outcome.Code);
        Assert.Contains("allows any address, so it is not used for records without a logon ID", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_logon_id_ignores_the_default_account()
    {
        await using var fixture = await ImportFixture.CreateAsync(allow: ["192.0.2.0/24"]);

        var outcome = await fixture.Service.ImportAsync(
            new ImportRequest(ImportFixture.LogonId, "wrong", null, "192.0.2.44", fixture.Service.Read(s_record)) { DefaultLogonId = ImportFixture.LogonId },
            default);

        Assert.Equal(GatewayReplyCodes.LogonFailed, outcome.Code);
    }

    private static Task<ImportOutcome> SendWithoutLogonAsync(ImportFixture fixture, string? defaultLogonId, string peer) =>
        fixture.Service.ImportAsync(new ImportRequest(null, null, null, peer, fixture.Service.Read(s_record)) { DefaultLogonId = defaultLogonId }, default);

    [Fact]
    public async Task Repeated_failures_lock_the_logon_id_out_until_the_period_ends()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 2, MaxFailuresPerPeerAddress = 100, Window = TimeSpan.FromMinutes(10), LockoutPeriod = TimeSpan.FromMinutes(30) } };
        await using var fixture = await ImportFixture.CreateAsync(options: options, time: clock);

        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record, password: "x1")).Code);
        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record, password: "x2")).Code);
        var locked = await fixture.SendAsync(s_record);
        clock.Advance(TimeSpan.FromMinutes(20));
        var stillLocked = await fixture.SendAsync(s_record, peer: "198.51.100.1");
        clock.Advance(TimeSpan.FromMinutes(11));
        var afterwards = await fixture.SendAsync(s_record);

        Assert.Equal(GatewayReplyCodes.LockedOut, locked.Code);
        Assert.Equal(GatewayReplyCodes.LockedOut, stillLocked.Code);
        Assert.True(afterwards.Ok, afterwards.Message);
    }

    [Fact]
    public async Task Repeated_failures_from_one_address_lock_that_address_out_for_every_logon_id()
    {
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 100, MaxFailuresPerPeerAddress = 2 } };
        await using var fixture = await ImportFixture.CreateAsync(options: options);

        await fixture.SendAsync(s_record, logonId: "A1");
        await fixture.SendAsync(s_record, logonId: "A2");
        var locked = await fixture.SendAsync(s_record);
        var otherPeer = await fixture.SendAsync(s_record, peer: "198.51.100.1");

        Assert.Equal(GatewayReplyCodes.LockedOut, locked.Code);
        Assert.True(otherPeer.Ok, otherPeer.Message);
    }

    [Fact]
    public async Task Failures_do_not_lock_out_the_address_the_logon_id_succeeded_from()
    {
        var options = new ImportOptions { Lockout = new LockoutOptions { MaxFailuresPerLogonId = 2, MaxFailuresPerPeerAddress = 100 } };
        await using var fixture = await ImportFixture.CreateAsync(options: options);

        await fixture.SendAsync(s_record, password: "x1");
        Assert.True((await fixture.SendAsync(s_record)).Ok);
        await fixture.SendAsync(s_record, password: "x2");

        Assert.True((await fixture.SendAsync(s_record)).Ok);
    }

    [Theory]
    [InlineData("192.0.2.10", true)]
    [InlineData("::ffff:192.0.2.10", true)]
    [InlineData("192.0.2.10:53211", true)]
    [InlineData("203.0.113.77", true)]
    [InlineData("198.51.100.1", false)]
    [InlineData("not-an-address", false)]
    public async Task The_allow_list_refuses_other_addresses(string peer, bool allowed)
    {
        await using var fixture = await ImportFixture.CreateAsync(allow: ["192.0.2.10", "203.0.113.0/24"]);

        var outcome = await fixture.SendAsync(s_record, peer: peer);

        Assert.Equal(allowed, outcome.Ok);
        if (!allowed)
        {
            Assert.Equal(GatewayReplyCodes.NotAuthorized, outcome.Code);
            Assert.Contains(peer, outcome.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Receipts_are_logged_for_every_outcome_and_never_hold_the_password()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        await fixture.SendAsync(s_record, password: "wrong-Pa55word");
        await fixture.SendAsync(s_record);
        await fixture.SendAsync("garbage"u8.ToArray());

        var receipts = await fixture.Store.GetLastReceiptsAsync(10, default);
        Assert.Equal([GatewayReplyCodes.LogonFailed, null, GatewayReplyCodes.BadRecord], receipts.Select(r => r.Code));
        Assert.Equal([false, true, false], receipts.Select(r => r.Ok));
        Assert.All(receipts, r => Assert.Equal((ImportFixture.Peer, ImportFixture.LogonId, "100-123-456"), (r.PeerAddress, r.LogonId, r.UserId)));
        Assert.Equal(GatewayReplyCodes.Added, receipts[1].Action);
        foreach (var text in receipts.Select(r => r.ToString()))
        {
            Assert.DoesNotContain(ImportFixture.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-Pa55word", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_password_takes_effect_at_once_despite_the_credential_cache()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        Assert.True((await fixture.SendAsync(s_record)).Ok);

        await fixture.Store.UpdatePasswordAsync(ImportFixture.LogonId, PasswordHasher.Hash("n3w-Pa55"), default);

        Assert.Equal(GatewayReplyCodes.LogonFailed, (await fixture.SendAsync(s_record)).Code);
        Assert.True((await fixture.SendAsync(s_record, password: "n3w-Pa55")).Ok);
    }
}
