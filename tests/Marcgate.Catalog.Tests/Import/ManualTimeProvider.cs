namespace Marcgate.Catalog.Tests.Import;

/// <summary>A clock the test moves by hand, so lockout windows are tested without waiting.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
