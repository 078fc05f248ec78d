using Marcgate.Catalog.Storage;
using Marcgate.Validation;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private static PasswordHash Hash(byte fill) => new([.. Enumerable.Repeat(fill, 32)], [.. Enumerable.Repeat((byte)(fill + 1), 16)], 210_000);

    [Fact]
    public async Task Repositories_are_added_once_and_listed_by_name()
    {
        Assert.True(await Store.AddRepositoryAsync("IZ-MAIN", T0.AddHours(1), default));
        Assert.False(await Store.AddRepositoryAsync("IZ-MAIN", T0.AddHours(2), default));

        var repositories = await Store.ListRepositoriesAsync(default);

        Assert.Equal(["IZ-MAIN", Network, Sandbox], repositories.Select(r => r.Name));
        Assert.Equal(T0.AddHours(1), repositories[0].Created);
        Assert.True(await Store.RepositoryExistsAsync("IZ-MAIN", default));
        Assert.False(await Store.RepositoryExistsAsync("iz-main", default));
    }

    [Fact]
    public async Task A_repository_needs_a_name()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AddRepositoryAsync(" ", T0, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AddRepositoryAsync(new string('R', 65), T0, default));
    }

    [Fact]
    public async Task Profiles_round_trip_every_setting_and_are_replaced_by_name()
    {
        var profile = new ImportProfile("consortium")
        {
            ValidationLevel = ValidationLevel.Full,
            FieldsToDelete = ["029", "938", "9XX"],
            CopyCancelledNumbers = false,
            MatchOnOclcNumbers = false,
            MergeMethod = MergeMethod.KeepExisting,
            NoMatchAction = NoMatchAction.Reject,
            ProtectedFields = ["590", "69X"],
            AllowLowerEncodingLevel = true,
        };
        await Store.SaveProfileAsync(profile, default);
        await Store.SaveProfileAsync(new ImportProfile("default"), default);

        var read = await Store.GetProfileAsync("consortium", default);

        Assert.NotNull(read);
        Assert.Equal(profile.ValidationLevel, read.ValidationLevel);
        Assert.Equal(profile.FieldsToDelete, read.FieldsToDelete);
        Assert.False(read.CopyCancelledNumbers);
        Assert.False(read.MatchOnOclcNumbers);
        Assert.Equal(MergeMethod.KeepExisting, read.MergeMethod);
        Assert.Equal(NoMatchAction.Reject, read.NoMatchAction);
        Assert.Equal(profile.ProtectedFields, read.ProtectedFields);
        Assert.True(read.AllowLowerEncodingLevel);

        await Store.SaveProfileAsync(new ImportProfile("consortium") { MergeMethod = MergeMethod.Replace }, default);
        var replaced = await Store.GetProfileAsync("consortium", default);
        Assert.Equal(MergeMethod.Replace, replaced!.MergeMethod);
        Assert.Empty(replaced.FieldsToDelete);
        Assert.Equal(ValidationLevel.Structure, replaced.ValidationLevel);
        Assert.Null(await Store.GetProfileAsync("missing", default));
        Assert.Equal(["consortium", "default"], (await Store.ListProfilesAsync(default)).Select(p => p.Name));
    }

    [Fact]
    public async Task Accounts_are_saved_found_listed_and_removed()
    {
        var account = new Account("NETCAT1", Network, "default", Hash(7)) { AllowedAddresses = ["192.0.2.0/24", "2001:db8::1"] };
        await Store.SaveAccountAsync(account, default);
        await Store.SaveAccountAsync(new Account("ACAT", Sandbox, "sandbox", Hash(9)), default);

        var found = await Store.FindAccountAsync("NETCAT1", default);

        Assert.NotNull(found);
        Assert.Equal(Network, found.Repository);
        Assert.Equal("default", found.ProfileName);
        Assert.Equal(account.Password.Hash, found.Password.Hash);
        Assert.Equal(account.Password.Salt, found.Password.Salt);
        Assert.Equal(210_000, found.Password.Iterations);
        Assert.Equal(account.AllowedAddresses, found.AllowedAddresses);
        Assert.Null(await Store.FindAccountAsync("netcat1", default));
        Assert.Equal(["ACAT", "NETCAT1"], (await Store.ListAccountsAsync(default)).Select(a => a.LogonId));

        Assert.True(await Store.RemoveAccountAsync("ACAT", default));
        Assert.False(await Store.RemoveAccountAsync("ACAT", default));
        Assert.Null(await Store.FindAccountAsync("ACAT", default));
    }

    [Fact]
    public async Task A_password_change_replaces_only_the_hash()
    {
        await Store.SaveAccountAsync(new Account("NETCAT1", Network, "default", Hash(7)) { AllowedAddresses = ["192.0.2.1"] }, default);
        var newHash = new PasswordHash([.. Enumerable.Repeat((byte)42, 32)], [.. Enumerable.Repeat((byte)43, 16)], 600_000);

        Assert.True(await Store.UpdatePasswordAsync("NETCAT1", newHash, default));
        Assert.False(await Store.UpdatePasswordAsync("NOBODY", newHash, default));

        var found = await Store.FindAccountAsync("NETCAT1", default);
        Assert.Equal(newHash.Hash, found!.Password.Hash);
        Assert.Equal(newHash.Salt, found.Password.Salt);
        Assert.Equal(600_000, found.Password.Iterations);
        Assert.Equal(Network, found.Repository);
        Assert.Equal(["192.0.2.1"], found.AllowedAddresses);
    }

    [Fact]
    public async Task An_account_must_name_an_existing_repository()
    {
        var error = await Assert.ThrowsAsync<UnknownRepositoryException>(
            () => Store.SaveAccountAsync(new Account("X", "NOWHERE", "default", Hash(1)), default));

        Assert.Equal("NOWHERE", error.Repository);
        Assert.Empty(await Store.ListAccountsAsync(default));
    }
}
