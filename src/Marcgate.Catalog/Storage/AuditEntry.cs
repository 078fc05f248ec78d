namespace Marcgate.Catalog.Storage;

/// <summary>One line of the administrative audit log: who changed which account, profile, repository or staff user, how, and when. It has no place for a password or a hash.</summary>
/// <param name="Actor">Who made the change: the operating system's user for the command line, the signed-in staff user for the console.</param>
/// <param name="ActorKind">Where the actor's name comes from.</param>
/// <param name="Action">What was done, as <c>subject.verb</c> (<see cref="AuditActions"/>).</param>
/// <param name="SubjectKind">What kind of thing was changed.</param>
/// <param name="SubjectName">The name of what was changed: a logon ID, profile, repository or staff user name, or a review item's number.</param>
/// <param name="Detail">A short description of the change for people; never a password or a hash.</param>
public sealed record AuditEntry(string Actor, AuditActorKind ActorKind, string Action, AuditSubjectKind SubjectKind, string SubjectName, string Detail)
{
    /// <summary>The entry's sequence number; 0 until appended.</summary>
    public long Id { get; init; }

    /// <summary>When the store appended it, by the store's clock; ignored when appending.</summary>
    public DateTimeOffset At { get; init; }
}
