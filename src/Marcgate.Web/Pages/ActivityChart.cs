using System.Globalization;
using System.Text;
using Marcgate.Catalog.Import;
using Microsoft.AspNetCore.Html;

namespace Marcgate.Web.Pages;

/// <summary>Draws the last hour's imports as an SVG drawn on the server: records per minute as bars, mean latency as a line.</summary>
/// <remarks>Colours come from the stylesheet's classes: the page's content security policy allows no inline styles.</remarks>
internal static class ActivityChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 48;
    private const int Right = 56;
    private const int Top = 12;
    private const int Bottom = 28;

    public static IHtmlContent Render(IReadOnlyList<MinuteActivity> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var total = minutes.Sum(m => m.Records);
        var errors = minutes.Sum(m => m.Errors);
        var peak = minutes.Count == 0 ? 0 : minutes.Max(m => m.Records);
        var slowest = minutes.Count == 0 ? 0 : minutes.Max(m => m.MeanMilliseconds);
        var mean = total == 0 ? 0 : minutes.Sum(m => m.TotalMilliseconds) / total;
        var countScale = NiceCeiling(Math.Max(peak, 1));
        var latencyScale = NiceCeiling(Math.Max(slowest, 1));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = minutes.Count == 0 ? plotWidth : (double)plotWidth / minutes.Count;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">");
        svg.Append("<title id=\"chart-title\">Records per minute and mean latency, last hour</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc\">{Summary(total, errors, peak, mean)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + (plotHeight * i / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{countScale * (4 - i) / 4.0:0.#}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis latency-axis\" x=\"{Width - Right + 6}\" y=\"{y + 4:0.#}\">{latencyScale * (4 - i) / 4.0:0.#} ms</text>");
        }

        var points = new StringBuilder();
        for (var i = 0; i < minutes.Count; i++)
        {
            var minute = minutes[i];
            var x = Left + (i * slot);
            if (minute.Records > 0)
            {
                var h = plotHeight * minute.Records / countScale;
                var errorHeight = plotHeight * minute.Errors / countScale;
                var label = string.Create(CultureInfo.InvariantCulture, $"{minute.Minute:HH:mm}: {minute.Records} records, {minute.Errors} errors, mean {minute.MeanMilliseconds:0.#} ms");
                svg.Append(CultureInfo.InvariantCulture, $"<g><title>{label}</title>");
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x + 1:0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{Math.Max(slot - 2, 1):0.##}\" height=\"{h:0.##}\"/>");
                if (minute.Errors > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar error\" x=\"{x + 1:0.##}\" y=\"{Top + plotHeight - errorHeight:0.##}\" width=\"{Math.Max(slot - 2, 1):0.##}\" height=\"{errorHeight:0.##}\"/>");
                }

                svg.Append("</g>");
                var latencyY = Top + plotHeight - (plotHeight * minute.MeanMilliseconds / latencyScale);
                points.Append(CultureInfo.InvariantCulture, $"{x + (slot / 2):0.##},{latencyY:0.##} ");
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"latency-dot\" cx=\"{x + (slot / 2):0.##}\" cy=\"{latencyY:0.##}\" r=\"2.5\"/>");
            }
        }

        if (points.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"latency\" points=\"{points.ToString().TrimEnd()}\"/>");
        }

        if (minutes.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 8}\">{minutes[0].Minute:HH:mm}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{minutes[^1].Minute:HH:mm} UTC</text>");
        }

        svg.Append("</svg>");
        svg.Append(CultureInfo.InvariantCulture, $"<p class=\"legend\"><span class=\"key bar\"></span> records per minute <span class=\"key error\"></span> errors <span class=\"key latency\"></span> mean latency (ms) — {Summary(total, errors, peak, mean)}</p>");
        return new HtmlString(svg.ToString());
    }

    private static string Summary(int total, int errors, int peak, double mean) =>
        total == 0
            ? "No records in the last hour."
            : string.Create(CultureInfo.InvariantCulture, $"{total:N0} records in the last hour ({errors:N0} errors), at most {peak:N0} a minute, {mean:0.#} ms each on average.");

    // Four gridlines of 1, 2 or 5 times a power of ten (4, 8, 20, 40, 80, 200, …): labels people read at a glance.
    private static double NiceCeiling(double value)
    {
        var quarter = value / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(quarter)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (quarter <= step * power)
            {
                return 4 * Math.Max(step * power, 1);
            }
        }

        return 40 * power;
    }
}
