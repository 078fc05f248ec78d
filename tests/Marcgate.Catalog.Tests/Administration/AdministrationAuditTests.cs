using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class AdministrationAuditTests
{
    private const string Secret = "Hunter2-audit-marker";

    private static readonly AuditActor s_ada = AuditActor.Staff("ada");

    [Fact]
    public async Task Every_change_of_the_services_is_logged_with_its_actor_and_never_a_password()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var catalog = new CatalogAdministration(fixture.Store, s_ada);
        var accounts = new AccountAdministration(fixture.Store, s_ada);
        var staff = new StaffAdministration(fixture.Store, new AuditActor("root", AuditActorKind.LocalUser));

        Assert.True((await catalog.AddRepositoryAsync("IZ", DateTimeOffset.UtcNow, default)).Succeeded);
        Assert.True((await catalog.SaveProfileAsync(new ImportProfile("strict") { FieldsToDelete = ["938"] }, default)).Succeeded);
        Assert.True((await catalog.SaveProfileAsync(new ImportProfile("strict") { FieldsToDelete = ["029", "938"] }, default)).Succeeded);
        Assert.True((await accounts.AddAsync("IZCAT", "IZ", "strict", Secret, ["192.0.2.0/24"], default)).Succeeded);
        Assert.True((await accounts.ChangeAsync(new AccountChange("IZCAT") { ProfileName = "default" }, default)).Succeeded);
        Assert.True((await accounts.SetPasswordAsync("IZCAT", Secret + "2", default)).Succeeded);
        Assert.True((await accounts.UnlockAsync("IZCAT", [], default)).Succeeded);
        Assert.True((await accounts.RemoveAsync("IZCAT", default)).Succeeded);
        Assert.True((await catalog.RemoveProfileAsync("strict", default)).Succeeded);
        Assert.True((await catalog.RemoveRepositoryAsync("IZ", force: false, default)).Succeeded);
        Assert.True((await staff.AddAsync("carl", StaffRole.Cataloger, Secret, default)).Succeeded);
        Assert.True((await staff.SetPasswordAsync("carl", Secret + "3", default)).Succeeded);
        Assert.True((await staff.RemoveAsync("carl", default)).Succeeded);

        var log = (await fixture.Store.FindAuditEntriesAsync(new AuditQuery(), default)).Reverse().ToList();

        Assert.Equal(
            [
                ("repository.add", "repository:IZ"), ("profile.set", "profile:strict"), ("profile.set", "profile:strict"),
                ("account.add", "account:IZCAT"), ("account.set", "account:IZCAT"), ("account.password", "account:IZCAT"),
                ("account.unlock", "account:IZCAT"), ("account.remove", "account:IZCAT"), ("profile.remove", "profile:strict"),
                ("repository.remove", "repository:IZ"), ("staff-user.add", "staff-user:carl"), ("staff-user.password", "staff-user:carl"),
                ("staff-user.remove", "staff-user:carl"),
            ],
            log.Select(e => (e.Action, $"{AuditNames.Subject(e.SubjectKind)}:{e.SubjectName}")));
        Assert.All(log.Take(10), e => Assert.Equal(("ada", AuditActorKind.StaffUser), (e.Actor, e.ActorKind)));
        Assert.All(log.Skip(10), e => Assert.Equal(("root", AuditActorKind.LocalUser), (e.Actor, e.ActorKind)));
        Assert.Equal("created: validation=structure delete=938 protect=- 019-to-035z=yes match-oclc=yes merge=overlay-all-but-local no-match=add allow-lower-encoding-level=no", log[1].Detail);
        Assert.Equal("changed: delete 938 -> 029,938", log[2].Detail);
        Assert.Equal("writes IZ with profile strict, from 192.0.2.0/24", log[3].Detail);
        Assert.Equal("profile strict -> default", log[4].Detail);
        Assert.Equal("role cataloger", log[10].Detail);
        foreach (var entry in log)
        {
            Assert.DoesNotContain("Hunter2", entry.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("audit-marker", entry.Detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(log, e => e.Detail.Contains("pbkdf2", StringComparison.OrdinalIgnoreCase) || e.Detail.Contains("hash", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Refused_requests_change_nothing_and_log_nothing()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var catalog = new CatalogAdministration(fixture.Store, s_ada);
        var accounts = new AccountAdministration(fixture.Store, s_ada);
        var staff = new StaffAdministration(fixture.Store, s_ada);

        Assert.False((await catalog.AddRepositoryAsync(ImportFixture.Repository, DateTimeOffset.UtcNow, default)).Succeeded);
        Assert.False((await catalog.AddRepositoryAsync("no spaces", DateTimeOffset.UtcNow, default)).Succeeded);
        Assert.False((await catalog.RemoveProfileAsync("nope", default)).Succeeded);
        Assert.False((await catalog.RemoveRepositoryAsync(ImportFixture.Repository, force: true, default)).Succeeded);
        Assert.False((await accounts.AddAsync(ImportFixture.LogonId, ImportFixture.Repository, "default", Secret, [], default)).Succeeded);
        Assert.False((await accounts.SetPasswordAsync("NOBODY", Secret, default)).Succeeded);
        Assert.False((await accounts.RemoveAsync("NOBODY", default)).Succeeded);
        Assert.False((await accounts.UnlockAsync("NOBODY", [], default)).Succeeded);
        Assert.False((await staff.AddAsync("carl", StaffRole.Admin, "short", default)).Succeeded);
        Assert.False((await staff.RemoveAsync("nobody", default)).Succeeded);

        Assert.Empty(await fixture.Store.FindAuditEntriesAsync(new AuditQuery(), default));
    }

    [Fact]
    public async Task The_log_is_searched_by_subject_kind_and_name_with_clear_refusals()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var catalog = new CatalogAdministration(fixture.Store, s_ada);
        await catalog.AddRepositoryAsync("IZ", DateTimeOffset.UtcNow, default);
        await catalog.AddRepositoryAsync("SB", DateTimeOffset.UtcNow, default);
        await new AccountAdministration(fixture.Store, s_ada).AddAsync("A:B", "IZ", "default", Secret, [], default);
        var search = new AuditSearch(fixture.Store);

        var repositories = await search.FindAsync("repository", null, 10, default);
        var one = await search.FindAsync("Repository:SB", null, 10, default);
        var colon = await search.FindAsync("account:A:B", null, 10, default);
        var limited = await search.FindAsync(null, null, 1, default);
        var unknownKind = await search.FindAsync("logon:A", null, 10, default);
        var badLimit = await search.FindAsync(null, null, 0, default);

        Assert.Equal(["SB", "IZ"], repositories.Value!.Select(e => e.SubjectName));
        Assert.Equal(["SB"], one.Value!.Select(e => e.SubjectName));
        Assert.Equal(["A:B"], colon.Value!.Select(e => e.SubjectName));
        Assert.Equal(["account.add"], limited.Value!.Select(e => e.Action));
        Assert.Equal(AdministrationStatus.Refused, unknownKind.Status);
        Assert.Contains("account, profile, repository, staff-user", unknownKind.Message, StringComparison.Ordinal);
        Assert.Equal(AdministrationStatus.Refused, badLimit.Status);
    }
}
