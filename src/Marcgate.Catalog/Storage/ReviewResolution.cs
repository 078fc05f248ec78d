namespace Marcgate.Catalog.Storage;

/// <summary>How and by whom a review item was resolved.</summary>
/// <param name="ItemId">The review item.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="ResolvedBy">Who decided, for people (a user name).</param>
/// <param name="At">When.</param>
public sealed record ReviewResolution(long ItemId, ReviewDecision Decision, string ResolvedBy, DateTimeOffset At)
{
    /// <summary>The record overlaid or added; null when discarded (and until the store fills it in for an added record).</summary>
    public RecordId? RecordId { get; init; }
}
