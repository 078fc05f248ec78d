using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class CatalogAdministrationTests
{
    [Fact]
    public async Task A_profile_is_shown_with_the_accounts_using_it_and_the_default_is_built_in()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var administration = new CatalogAdministration(fixture.Store, LocalActor.Current);

        var lenient = await administration.ShowProfileAsync("lenient", default);
        var builtIn = await administration.ShowProfileAsync("default", default);
        var missing = await administration.ShowProfileAsync("nope", default);

        Assert.True(lenient.Succeeded);
        Assert.False(lenient.Value!.BuiltIn);
        Assert.Equal([ImportFixture.LogonId], lenient.Value.UsedBy);
        Assert.True(builtIn.Value!.BuiltIn);
        Assert.Empty(builtIn.Value.UsedBy);
        Assert.Equal(AdministrationStatus.NotFound, missing.Status);
    }

    [Fact]
    public async Task A_profile_in_use_is_not_removed_and_the_refusal_names_the_accounts()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.Store.SaveProfileAsync(new ImportProfile("spare"), default);
        var administration = new CatalogAdministration(fixture.Store, LocalActor.Current);

        var inUse = await administration.RemoveProfileAsync("lenient", default);
        var spare = await administration.RemoveProfileAsync("spare", default);
        var again = await administration.RemoveProfileAsync("spare", default);

        Assert.Equal(AdministrationStatus.Refused, inUse.Status);
        Assert.Contains($"used by logon ID {ImportFixture.LogonId}", inUse.Message, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Store.GetProfileAsync("lenient", default));
        Assert.True(spare.Succeeded);
        Assert.Null(await fixture.Store.GetProfileAsync("spare", default));
        Assert.Equal(AdministrationStatus.NotFound, again.Status);
    }

    [Fact]
    public async Task A_repository_is_removed_only_without_writers_and_with_force_when_it_holds_records()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aKept"));
        var administration = new CatalogAdministration(fixture.Store, LocalActor.Current);

        var written = await administration.RemoveRepositoryAsync(ImportFixture.Repository, force: true, default);
        await fixture.Store.RemoveAccountAsync(ImportFixture.LogonId, default);
        var holding = await administration.RemoveRepositoryAsync(ImportFixture.Repository, force: false, default);
        var forced = await administration.RemoveRepositoryAsync(ImportFixture.Repository, force: true, default);
        var gone = await administration.RemoveRepositoryAsync(ImportFixture.Repository, force: true, default);

        Assert.Equal(AdministrationStatus.Refused, written.Status);
        Assert.Contains($"written by logon ID {ImportFixture.LogonId}", written.Message, StringComparison.Ordinal);
        Assert.Equal(AdministrationStatus.Refused, holding.Status);
        Assert.Contains("holds 1 record; add --force", holding.Message, StringComparison.Ordinal);
        Assert.True(forced.Succeeded, forced.Message);
        Assert.Equal("Removed repository NETWORK with its 1 record.", forced.Message);
        Assert.False(await fixture.Store.RepositoryExistsAsync(ImportFixture.Repository, default));
        Assert.Equal(AdministrationStatus.NotFound, gone.Status);
    }
}
