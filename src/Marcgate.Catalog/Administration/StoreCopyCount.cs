namespace Marcgate.Catalog.Administration;

/// <summary>How many of one kind of item the source holds and how many the target holds after a copy.</summary>
public sealed record StoreCopyCount(string What, long Source, long Copied);
