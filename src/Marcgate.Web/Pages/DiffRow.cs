namespace Marcgate.Web.Pages;

/// <summary>One row of a side-by-side diff: the field in the first version, in the second, or the same in both.</summary>
/// <param name="Left">The field in the first version, or null.</param>
/// <param name="Right">The field in the second version, or null.</param>
/// <param name="Changed">False when both sides are the same field.</param>
public sealed record DiffRow(string? Left, string? Right, bool Changed);
