using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private static PasswordHash StaffPassword(byte seed) => new([seed, 2, 3], [seed, 9], 210_000);

    [Fact]
    public async Task Staff_users_are_added_once_found_listed_by_name_and_survive_a_reopen()
    {
        Assert.True(await Store.AddStaffUserAsync(new StaffUser("zoe", StaffRole.Cataloger, StaffPassword(1), T0), default));
        Assert.True(await Store.AddStaffUserAsync(new StaffUser("amy", StaffRole.Admin, StaffPassword(2), T0.AddSeconds(1)), default));
        Assert.False(await Store.AddStaffUserAsync(new StaffUser("amy", StaffRole.Cataloger, StaffPassword(3), T0), default));

        await ReopenAsync();

        var users = await Store.ListStaffUsersAsync(default);
        Assert.Equal(["amy", "zoe"], users.Select(u => u.Name));
        var amy = await Store.FindStaffUserAsync("amy", default);
        Assert.NotNull(amy);
        Assert.Equal(StaffRole.Admin, amy.Role);
        Assert.Equal(new byte[] { 2, 2, 3 }, amy.Password.Hash);
        Assert.Equal(new byte[] { 2, 9 }, amy.Password.Salt);
        Assert.Equal(210_000, amy.Password.Iterations);
        Assert.Equal(T0.AddSeconds(1), amy.Created);
        Assert.Null(await Store.FindStaffUserAsync("AMY", default));

        // Staff users are not gateway logons.
        Assert.Empty(await Store.ListAccountsAsync(default));
    }

    [Fact]
    public async Task A_staff_users_password_is_replaced_and_a_removed_user_is_gone()
    {
        await Store.AddStaffUserAsync(new StaffUser("amy", StaffRole.Admin, StaffPassword(1), T0), default);

        Assert.True(await Store.UpdateStaffPasswordAsync("amy", StaffPassword(7), default));
        Assert.False(await Store.UpdateStaffPasswordAsync("bob", StaffPassword(7), default));
        Assert.Equal(new byte[] { 7, 2, 3 }, (await Store.FindStaffUserAsync("amy", default))!.Password.Hash);

        Assert.True(await Store.RemoveStaffUserAsync("amy", default));
        Assert.False(await Store.RemoveStaffUserAsync("amy", default));
        Assert.Null(await Store.FindStaffUserAsync("amy", default));
        Assert.Empty(await Store.ListStaffUsersAsync(default));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_once_each_in_the_order_stored()
    {
        var first = new DataProtectionKey("key-b", "<key id=\"b\">é</key>", T0);
        var second = new DataProtectionKey("key-a", "<key id=\"a\"/>", T0.AddDays(1));
        Assert.True(await Store.AddDataProtectionKeyAsync(first, default));
        Assert.True(await Store.AddDataProtectionKeyAsync(second, default));
        Assert.False(await Store.AddDataProtectionKeyAsync(first with { Xml = "<other/>" }, default));

        await ReopenAsync();

        Assert.Equal([first, second], await Store.ListDataProtectionKeysAsync(default));
    }

    [Fact]
    public async Task Failed_sign_ins_of_a_staff_user_are_counted_apart_from_the_logon_id_of_the_same_name()
    {
        var window = TimeSpan.FromMinutes(15);
        await Store.RecordLogonFailureAsync(LockoutKey.ForStaffUser("amy"), T0, window, default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForStaffUser("amy"), T0.AddSeconds(1), window, default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForLogonId("amy"), T0, window, default);

        Assert.Equal(2, await Store.CountLogonFailuresAsync(LockoutKey.ForStaffUser("amy"), T0.AddMinutes(-1), default));
        await Store.ClearLogonFailuresAsync(LockoutKey.ForStaffUser("amy"), default);
        Assert.Equal(0, await Store.CountLogonFailuresAsync(LockoutKey.ForStaffUser("amy"), T0.AddMinutes(-1), default));
        Assert.Equal(1, await Store.CountLogonFailuresAsync(LockoutKey.ForLogonId("amy"), T0.AddMinutes(-1), default));
    }
}
