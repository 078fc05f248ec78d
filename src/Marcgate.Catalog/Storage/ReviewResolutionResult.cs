namespace Marcgate.Catalog.Storage;

/// <summary>What <see cref="ICatalogStore.ResolveReviewItemAsync"/> did.</summary>
/// <param name="Resolved">True when the item is now resolved (and the record, if any, committed).</param>
/// <param name="Commit">The record's commit, when one was asked for; a conflict leaves the item open.</param>
public sealed record ReviewResolutionResult(bool Resolved, CommitResult? Commit);
