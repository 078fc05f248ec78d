using System.Globalization;

namespace Marcgate.Cli.Admin;

/// <summary>Reads a date or date-time typed on the command line as UTC: <c>2026-11-28</c>, <c>2026-11-28T14:30</c>, <c>2026-11-28 14:30:05Z</c>.</summary>
internal static class UtcTime
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        var trimmed = text?.Trim().TrimEnd('Z', 'z');
        if (DateTime.TryParseExact(trimmed, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        time = default;
        return false;
    }
}
