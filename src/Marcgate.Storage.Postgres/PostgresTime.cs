namespace Marcgate.Storage.Postgres;

/// <summary>Times as stored: UTC to the microsecond, truncated as the SQLite store truncates, so both stores give back the same instant.</summary>
internal static class PostgresTime
{
    public static DateTimeOffset ToStored(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
