using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>Appends the audit entries of one actor's administrative changes.</summary>
/// <remarks>
/// Each entry is appended right after the change it records, not in the same transaction: the store port gives every
/// write its own transaction, and carrying an entry through each of them would widen a dozen store methods for what a
/// crash between two commits can lose, one entry. The entry is written even when the request is cancelled meanwhile,
/// since the change itself was already made.
/// </remarks>
internal sealed class AuditTrail(ICatalogStore store, AuditActor actor)
{
    public Task RecordAsync(string action, AuditSubjectKind kind, string subject, string detail) =>
        store.AppendAuditEntryAsync(new AuditEntry(actor.Name, actor.Kind, action, kind, subject, detail), CancellationToken.None);
}
