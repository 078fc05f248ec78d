namespace Marcgate.Catalog.Administration;

/// <summary>One field in a comparison of two versions of a record.</summary>
/// <param name="Kind">Whether it is in both versions, the first or the second.</param>
/// <param name="Text">The field as text: <c>LDR …</c>, <c>001 …</c> or <c>245 10 $aTitle /$cAuthor.</c>, a blank indicator as <c>#</c>.</param>
public sealed record RecordDiffLine(RecordDiffKind Kind, string Text)
{
    /// <summary>The line as printed: <c>- </c>, <c>+ </c> or two spaces before the field.</summary>
    public override string ToString() => Kind switch
    {
        RecordDiffKind.Removed => "- " + Text,
        RecordDiffKind.Added => "+ " + Text,
        _ => "  " + Text,
    };
}
