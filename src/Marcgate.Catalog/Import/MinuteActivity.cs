namespace Marcgate.Catalog.Import;

/// <summary>The imports answered in one minute.</summary>
/// <param name="Minute">The minute's start (UTC).</param>
/// <param name="Records">Requests answered.</param>
/// <param name="Errors">Of them, answered <c>status=error</c>.</param>
/// <param name="TotalMilliseconds">Their time in the import pipeline, added up.</param>
/// <param name="MaxMilliseconds">The longest of them.</param>
public sealed record MinuteActivity(DateTimeOffset Minute, int Records, int Errors, double TotalMilliseconds, double MaxMilliseconds)
{
    /// <summary>The mean time per request, 0 without requests.</summary>
    public double MeanMilliseconds => Records == 0 ? 0 : TotalMilliseconds / Records;
}
