using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;
using Marcgate.Gateway;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Catalog.Tests.Security;

// gateway §7 step 1: the lockout model, one rule a test, on a clock the test moves.
public sealed class LockoutPolicyTests
{
    private const string Owner = ImportFixture.Peer;
    private static readonly string[] s_strangers = ["198.51.100.1", "198.51.100.2", "198.51.100.3"];
    private static readonly byte[] s_record = ImportFixture.RecordsOf(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")).Single();

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Failures_from_strangers_do_not_lock_out_an_address_the_logon_id_used_before()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);

        await FailAsync(fixture, 10, s_strangers);

        var owner = await fixture.SendAsync(s_record, peer: Owner);
        var newWorkstation = await fixture.SendAsync(s_record, peer: "203.0.113.5");
        Assert.True(owner.Ok, owner.Message);
        Assert.Equal(GatewayReplyCodes.LockedOut, newWorkstation.Code);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(-20).AddMinutes(15), await fixture.Store.GetLogonLockEndAsync(LockoutKey.ForLogonId(ImportFixture.LogonId), default));
    }

    [Fact]
    public async Task Failures_of_a_logon_id_at_one_address_lock_it_there_only_until_the_period_ends()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);

        await FailAsync(fixture, 5, [s_strangers[0]]);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, peer: s_strangers[0])).Code);
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[1])).Ok);
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);
    }

    [Fact]
    public async Task Attempts_while_locked_are_not_counted_so_the_lockout_ends_on_time()
    {
        await using var fixture = await CreateAsync();
        await FailAsync(fixture, 5, [s_strangers[0]]);
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, password: "guess", peer: s_strangers[0])).Code);
        }

        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);
    }

    [Fact]
    public async Task Failures_from_one_address_lock_it_out_for_every_logon_id()
    {
        var options = Options();
        options.Lockout.MaxFailuresPerPeerAddress = 3;
        await using var fixture = await CreateAsync(options);
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);

        await fixture.SendAsync(s_record, logonId: "A1", peer: s_strangers[0]);
        await fixture.SendAsync(s_record, logonId: "A2", peer: s_strangers[0]);
        await fixture.SendAsync(s_record, logonId: "A3", peer: s_strangers[0]);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, peer: s_strangers[0])).Code);
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[1])).Ok);
    }

    [Fact]
    public async Task An_address_stops_being_known_after_the_known_address_period()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        _clock.Advance(TimeSpan.FromDays(31));

        await FailAsync(fixture, 10, s_strangers);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, peer: Owner)).Code);
    }

    [Fact]
    public async Task Addresses_past_the_known_address_period_are_deleted_from_the_store_when_another_is_recorded()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        _clock.Advance(TimeSpan.FromDays(31));

        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);

        Assert.Null(await fixture.Store.GetLastLogonSuccessAsync(ImportFixture.LogonId, Owner, default));
        Assert.Equal(_clock.GetUtcNow(), await fixture.Store.GetLastLogonSuccessAsync(ImportFixture.LogonId, s_strangers[0], default));
    }

    [Fact]
    public async Task A_logon_of_the_owner_does_not_give_strangers_fresh_guesses()
    {
        await using var fixture = await CreateAsync();
        await FailAsync(fixture, 8, s_strangers);
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);

        await FailAsync(fixture, 2, ["198.51.100.9"]);

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, peer: "198.51.100.10")).Code);
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
    }

    [Fact]
    public async Task Each_failure_of_a_logon_id_delays_its_next_password_checks_up_to_the_cap()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        Assert.Empty(_clock.Delays);

        await FailAsync(fixture, 4, s_strangers);
        Assert.Equal([250, 500, 750], _clock.Delays.Select(d => d.TotalMilliseconds));

        // The owner's password was verified lately: its batch is not slowed.
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        Assert.Equal(3, _clock.Delays.Count);

        Assert.Equal(TimeSpan.FromSeconds(1), LockoutPolicy.Delay(4, new LockoutOptions()));
        Assert.Equal(TimeSpan.FromSeconds(3), LockoutPolicy.Delay(12, new LockoutOptions()));
        Assert.Equal(TimeSpan.FromSeconds(3), LockoutPolicy.Delay(int.MaxValue, new LockoutOptions()));
        Assert.Equal(TimeSpan.Zero, LockoutPolicy.Delay(0, new LockoutOptions()));
    }

    [Fact]
    public async Task A_password_not_verified_lately_waits_for_the_delay_even_when_right()
    {
        var options = Options();
        options.CredentialCacheLifetime = TimeSpan.Zero;
        await using var fixture = await CreateAsync(options);
        await FailAsync(fixture, 2, s_strangers);

        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);

        Assert.Equal([250, 500], _clock.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Another_node_on_the_store_sees_the_lockout_and_the_known_address()
    {
        await using var fixture = await CreateAsync();
        Assert.True((await fixture.SendAsync(s_record, peer: Owner)).Ok);
        await FailAsync(fixture, 10, s_strangers);
        var otherNode = new GatewayImportService(fixture.Store, MarcValidator.Instance, Options(), _clock);

        var fromNewAddress = await otherNode.ImportAsync(Request(otherNode, "203.0.113.5"), default);
        var fromOwner = await otherNode.ImportAsync(Request(otherNode, Owner), default);

        Assert.Equal(GatewayReplyCodes.LockedOut, fromNewAddress.Code);
        Assert.True(fromOwner.Ok, fromOwner.Message);
    }

    [Fact]
    public async Task Unlocking_a_logon_id_at_an_address_is_seen_by_a_running_pipeline()
    {
        await using var fixture = await CreateAsync();
        await FailAsync(fixture, 5, [s_strangers[0]]);
        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(s_record, peer: s_strangers[0])).Code);
        var locks = await new AccountAdministration(fixture.Store, LocalActor.Current).ListLockoutsAsync(_clock.GetUtcNow(), default);
        Assert.Contains(locks, l => l.Key == LockoutKey.ForLogonIdAtAddress(ImportFixture.LogonId, s_strangers[0]));

        var unlocked = await new AccountAdministration(fixture.Store, LocalActor.Current).UnlockAsync(ImportFixture.LogonId, [s_strangers[0]], default);
        _clock.Advance(LockoutPolicy.Recheck);

        Assert.Contains($"Lifted the lockout of logon ID {ImportFixture.LogonId} at address {s_strangers[0]} and forgot 5 failed logons.", unlocked.Message, StringComparison.Ordinal);
        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);
        Assert.Empty(await new AccountAdministration(fixture.Store, LocalActor.Current).ListLockoutsAsync(_clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task A_limit_of_zero_turns_its_lockout_off()
    {
        var options = Options();
        options.Lockout.MaxFailuresPerLogonIdAtAddress = 0;
        options.Lockout.MaxFailuresPerLogonId = 0;
        await using var fixture = await CreateAsync(options);

        await FailAsync(fixture, 8, [s_strangers[0]]);

        Assert.True((await fixture.SendAsync(s_record, peer: s_strangers[0])).Ok);
    }

    private static ImportOptions Options() => new() { Lockout = new LockoutOptions() };

    private Task<ImportFixture> CreateAsync(ImportOptions? options = null) => ImportFixture.CreateAsync(options: options ?? Options(), time: _clock);

    private static ImportRequest Request(GatewayImportService service, string peer) =>
        new(ImportFixture.LogonId, ImportFixture.Password, "100-123-456", peer, service.Read(s_record));

    // Failures spread round-robin over the addresses, a minute apart: well inside the 15-minute window.
    private async Task FailAsync(ImportFixture fixture, int count, IReadOnlyList<string> addresses)
    {
        for (var i = 0; i < count; i++)
        {
            var outcome = await fixture.SendAsync(s_record, password: "guess" + i, peer: addresses[i % addresses.Count]);
            Assert.Equal(GatewayReplyCodes.LogonFailed, outcome.Code);
            _clock.Advance(TimeSpan.FromSeconds(20));
        }
    }
}
