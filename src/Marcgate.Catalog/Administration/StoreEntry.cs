namespace Marcgate.Catalog.Administration;

/// <summary>One item of a store as a copy compares it: its place in the store's order, how messages name it, its content's fingerprint, and how many record versions it holds.</summary>
internal readonly record struct StoreEntry(string SortKey, string Label, string Fingerprint, long Versions = 0);
