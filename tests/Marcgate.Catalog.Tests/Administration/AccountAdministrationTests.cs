using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;
using Marcgate.Gateway;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class AccountAdministrationTests
{
    [Fact]
    public async Task Profile_and_allow_list_change_and_the_password_stays()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.Store.SaveProfileAsync(new ImportProfile("strict"), default);
        var before = await fixture.Store.FindAccountAsync(ImportFixture.LogonId, default);
        var accounts = new AccountAdministration(fixture.Store, LocalActor.Current);

        var profile = await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { ProfileName = "strict" }, default);
        var allow = await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { AllowedAddresses = ["192.0.2.0/24"] }, default);
        var after = await fixture.Store.FindAccountAsync(ImportFixture.LogonId, default);
        var any = await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { AllowedAddresses = [] }, default);

        Assert.True(profile.Succeeded, profile.Message);
        Assert.True(allow.Succeeded, allow.Message);
        Assert.Equal("strict", after!.ProfileName);
        Assert.Equal(["192.0.2.0/24"], after.AllowedAddresses);
        Assert.Equal(before!.Password.Hash, after.Password.Hash);
        Assert.Equal(ImportFixture.Repository, after.Repository);
        Assert.Empty(any.Value!.AllowedAddresses);
        Assert.EndsWith("from any address.", any.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_accounts_and_profiles_bad_addresses_and_empty_changes_are_refused()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var accounts = new AccountAdministration(fixture.Store, LocalActor.Current);

        Assert.Equal(AdministrationStatus.NotFound, (await accounts.ChangeAsync(new AccountChange("NOBODY") { ProfileName = "default" }, default)).Status);
        Assert.Equal(AdministrationStatus.NotFound, (await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { ProfileName = "nope" }, default)).Status);
        Assert.Equal(AdministrationStatus.Refused, (await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { AllowedAddresses = ["not-an-ip"] }, default)).Status);
        Assert.Equal(AdministrationStatus.Refused, (await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId), default)).Status);
        Assert.True((await accounts.ChangeAsync(new AccountChange(ImportFixture.LogonId) { ProfileName = "default" }, default)).Succeeded);
        Assert.Equal("lenient", (await fixture.Store.GetProfileAsync("lenient", default))!.Name);
    }

    [Fact]
    public async Task Unlocking_lets_a_locked_out_logon_in_again()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        for (var i = 0; i < 5; i++)
        {
            await fixture.SendAsync(Iso2709Writer.Write(RecordBuilder.Bib(' ', "245 10 $aX")), password: "wrong", peer: "192.0.2.77");
        }

        var accounts = new AccountAdministration(fixture.Store, LocalActor.Current);
        var unlocked = await accounts.UnlockAsync(ImportFixture.LogonId, ["192.0.2.77"], default);

        Assert.True(unlocked.Succeeded, unlocked.Message);
        Assert.Equal(
            $"Forgot 5 failed logons of logon ID {ImportFixture.LogonId}. Lifted the lockout of logon ID {ImportFixture.LogonId} at address 192.0.2.77 and forgot 5 failed logons. Forgot 5 failed logons of address 192.0.2.77.",
            unlocked.Message);
        Assert.Equal(0, await fixture.Store.CountLogonFailuresAsync(LockoutKey.ForLogonId(ImportFixture.LogonId), DateTimeOffset.UnixEpoch, default));

        var again = await accounts.UnlockAsync(ImportFixture.LogonId, [], default);
        Assert.Equal($"No failed logons of logon ID {ImportFixture.LogonId} to forget.", again.Message);
        Assert.Equal(AdministrationStatus.NotFound, (await accounts.UnlockAsync("NOBODY", [], default)).Status);
        Assert.Equal(AdministrationStatus.Refused, (await accounts.UnlockAsync(ImportFixture.LogonId, ["192.0.2.0/24"], default)).Status);
    }

    [Fact]
    public async Task An_unlocked_logon_is_accepted_by_a_pipeline_opened_afterwards()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        for (var i = 0; i < 5; i++)
        {
            await fixture.SendAsync(Iso2709Writer.Write(RecordBuilder.Bib(' ', "245 10 $aX")), password: "wrong");
        }

        Assert.Equal(GatewayReplyCodes.LockedOut, (await fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aX"))).Code);

        await new AccountAdministration(fixture.Store, LocalActor.Current).UnlockAsync(ImportFixture.LogonId, [ImportFixture.Peer], default);
        // A pipeline opened afterwards (the host restarted) reads the lockout from the store only.
        var pipeline = new GatewayImportService(fixture.Store, MarcValidator.Instance);
        var outcome = await pipeline.ImportAsync(
            new ImportRequest(ImportFixture.LogonId, ImportFixture.Password, null, ImportFixture.Peer, pipeline.Read(Iso2709Writer.Write(RecordBuilder.Bib(' ', "245 10 $aX")))),
            default);

        Assert.True(outcome.Ok, outcome.Message);
    }
}
