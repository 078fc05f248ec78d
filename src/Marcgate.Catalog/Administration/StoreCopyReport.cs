namespace Marcgate.Catalog.Administration;

/// <summary>The outcome of a store copy, the counts per kind of item, and what differs (for <see cref="StoreCopyOutcome.Refused"/>, what conflicts).</summary>
public sealed record StoreCopyReport(StoreCopyOutcome Outcome, IReadOnlyList<StoreCopyCount> Counts, IReadOnlyList<string> Differences);
