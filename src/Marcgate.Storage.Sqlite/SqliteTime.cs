namespace Marcgate.Storage.Sqlite;

/// <summary>Times as stored: UTC microseconds since 1970, the precision PostgreSQL's timestamptz also keeps.</summary>
internal static class SqliteTime
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
