using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private static AuditEntry Entry(string action, AuditSubjectKind kind, string name, string actor = "ada", AuditActorKind actorKind = AuditActorKind.StaffUser, string detail = "") =>
        new(actor, actorKind, action, kind, name, detail);

    [Fact]
    public async Task Audit_entries_are_stamped_by_the_store_and_read_back_newest_first_after_reopening()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var first = await Store.AppendAuditEntryAsync(Entry(AuditActions.RepositoryAdd, AuditSubjectKind.Repository, Network, "root", AuditActorKind.LocalUser), default);
        var second = await Store.AppendAuditEntryAsync(
            new AuditEntry("ada@example.org", AuditActorKind.StaffUser, AuditActions.AccountAdd, AuditSubjectKind.Account, "01CARLI_NETWORK", "writes NETWORK with profile default, from 192.0.2.0/24 — «ok»")
            { Id = 999, At = T0 },
            default);
        await ReopenAsync();

        var entries = await Store.FindAuditEntriesAsync(new AuditQuery(), default);

        Assert.True(first.Id > 0 && second.Id > first.Id);
        Assert.Equal([second.Id, first.Id], entries.Select(e => e.Id));
        Assert.Equal(second, entries[0]);
        Assert.Equal(first, entries[1]);
        Assert.Equal(("ada@example.org", AuditActorKind.StaffUser, "account.add", AuditSubjectKind.Account, "01CARLI_NETWORK"),
            (entries[0].Actor, entries[0].ActorKind, entries[0].Action, entries[0].SubjectKind, entries[0].SubjectName));
        Assert.Equal("writes NETWORK with profile default, from 192.0.2.0/24 — «ok»", entries[0].Detail);
        Assert.Equal(("root", AuditActorKind.LocalUser, AuditSubjectKind.Repository, string.Empty), (entries[1].Actor, entries[1].ActorKind, entries[1].SubjectKind, entries[1].Detail));

        // The time given is ignored: the store's clock stamps the entry, to the microsecond, never going back.
        Assert.NotEqual(T0, second.At);
        Assert.InRange(first.At, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(second.At >= first.At);
        Assert.Equal(0, second.At.UtcTicks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(TimeSpan.Zero, entries[0].At.Offset);
    }

    [Fact]
    public async Task Audit_entries_are_found_by_time_subject_kind_subject_name_and_limit()
    {
        var repository = await Store.AppendAuditEntryAsync(Entry(AuditActions.RepositoryAdd, AuditSubjectKind.Repository, Network), default);
        var account = await Store.AppendAuditEntryAsync(Entry(AuditActions.AccountAdd, AuditSubjectKind.Account, Network), default);
        var profile = await Store.AppendAuditEntryAsync(Entry(AuditActions.ProfileSet, AuditSubjectKind.Profile, "strict"), default);
        var password = await Store.AppendAuditEntryAsync(Entry(AuditActions.AccountPassword, AuditSubjectKind.Account, Network), default);
        var other = await Store.AppendAuditEntryAsync(Entry(AuditActions.AccountAdd, AuditSubjectKind.Account, "network"), default);

        async Task<long[]> FindAsync(AuditQuery query) => [.. (await Store.FindAuditEntriesAsync(query, default)).Select(e => e.Id)];

        Assert.Equal([other.Id, password.Id, account.Id], await FindAsync(new AuditQuery { SubjectKind = AuditSubjectKind.Account }));
        Assert.Equal([password.Id, account.Id], await FindAsync(new AuditQuery { SubjectKind = AuditSubjectKind.Account, SubjectName = Network }));
        Assert.Equal([password.Id, account.Id, repository.Id], await FindAsync(new AuditQuery { SubjectName = Network }));
        Assert.Equal([other.Id, password.Id], await FindAsync(new AuditQuery { Limit = 2 }));
        Assert.Equal([password.Id], await FindAsync(new AuditQuery { SubjectKind = AuditSubjectKind.Account, SubjectName = Network, Limit = 1 }));
        Assert.Empty(await FindAsync(new AuditQuery { Limit = 0 }));
        Assert.Empty(await FindAsync(new AuditQuery { SubjectKind = AuditSubjectKind.StaffUser }));
        Assert.Equal([profile.Id], await FindAsync(new AuditQuery { SubjectKind = AuditSubjectKind.Profile, SubjectName = "strict" }));
        Assert.Contains(repository.Id, await FindAsync(new AuditQuery { Since = repository.At }));
        Assert.Empty(await FindAsync(new AuditQuery { Since = other.At.AddTicks(TimeSpan.TicksPerMicrosecond) }));
        Assert.Equal([other.Id], await FindAsync(new AuditQuery { Since = other.At, SubjectName = "network" }));
    }

    [Fact]
    public async Task Audit_entries_copied_from_another_store_keep_their_ids_and_times()
    {
        var copied = Entry(AuditActions.StaffUserAdd, AuditSubjectKind.StaffUser, "ada", "root", AuditActorKind.LocalUser, "role admin") with { Id = 41, At = T0.AddTicks(7) };
        var truncated = copied with { At = T0 };

        Assert.True(await Store.ImportAuditEntryAsync(copied, default));
        Assert.False(await Store.ImportAuditEntryAsync(copied with { Detail = "another" }, default));
        var later = await Store.AppendAuditEntryAsync(Entry(AuditActions.StaffUserRemove, AuditSubjectKind.StaffUser, "ada"), default);
        await ReopenAsync();

        var listed = await Store.ListAuditEntriesAsync(0, 10, default);

        Assert.Equal([truncated, later], listed);
        Assert.True(later.Id > 41);
        Assert.Equal([later], await Store.ListAuditEntriesAsync(41, 10, default));
        Assert.Equal([truncated], await Store.ListAuditEntriesAsync(0, 1, default));
        Assert.Empty(await Store.ListAuditEntriesAsync(later.Id, 10, default));
    }

    [Fact]
    public async Task An_audit_entry_without_an_actor_action_or_subject_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAuditEntryAsync(Entry(AuditActions.AccountAdd, AuditSubjectKind.Account, "A", actor: " "), default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAuditEntryAsync(Entry(string.Empty, AuditSubjectKind.Account, "A"), default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAuditEntryAsync(Entry(AuditActions.AccountAdd, AuditSubjectKind.Account, string.Empty), default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ImportAuditEntryAsync(Entry(AuditActions.AccountAdd, AuditSubjectKind.Account, "A") with { Id = 0 }, default));

        Assert.Empty(await Store.ListAuditEntriesAsync(0, 10, default));
    }
}
