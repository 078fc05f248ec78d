using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>Who makes an administrative change, as the audit log keeps it.</summary>
/// <param name="Name">The operating system's user name, or the signed-in staff user's.</param>
/// <param name="Kind">Where the name comes from.</param>
public sealed record AuditActor(string Name, AuditActorKind Kind)
{
    /// <summary>The staff user signed in to the web console.</summary>
    public static AuditActor Staff(string name) => new(name, AuditActorKind.StaffUser);
}
