namespace Marcgate.Storage.Postgres;

/// <summary>What a write produced, and whether its transaction (or its part of a batch) is kept or undone.</summary>
internal readonly record struct Written<T>(T Value, bool Keep);
