namespace Marcgate.Catalog.Storage;

/// <summary>A lockout kept in the store, so every host node on it refuses the key until it ends (gateway §7 step 1).</summary>
/// <param name="Key">What is locked out.</param>
/// <param name="Until">When the lockout ends.</param>
public sealed record LogonLock(LockoutKey Key, DateTimeOffset Until);
