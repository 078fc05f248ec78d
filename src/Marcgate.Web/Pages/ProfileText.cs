using Marcgate.Catalog.Storage;
using Marcgate.Validation;

namespace Marcgate.Web.Pages;

/// <summary>The words the command line uses for a profile's settings (<c>marcgate profiles set</c>), so the console and the documentation agree.</summary>
internal static class ProfileText
{
    public static readonly (string Value, MergeMethod Method, string Explanation)[] MergeMethods =
    [
        ("overlay-all-but-local", MergeMethod.OverlayAllButLocal, "The incoming record replaces the stored one, except 9XX and the protected fields, which are kept."),
        ("replace", MergeMethod.Replace, "The incoming record replaces the stored one whole; nothing is kept but the earlier versions."),
        ("keep-existing", MergeMethod.KeepExisting, "The stored record stays as it is; the incoming one is answered but not stored."),
    ];

    public static readonly (string Value, ValidationLevel Level, string Explanation)[] Levels =
    [
        ("none", ValidationLevel.None, "No checks: every record is accepted as read."),
        ("structure", ValidationLevel.Structure, "Well-formed MARC 21 with its required elements: leader codes, 001, 005, 008, 040 $c and 245 (the default)."),
        ("basic", ValidationLevel.Basic, "Also every tag, indicator, subfield code and coded value valid against the MARC 21 and OCLC tables."),
        ("full", ValidationLevel.Full, "Also the relationships between fields: one 1XX, 880 linkage, dates against 008, ISBN check digits."),
    ];

    public static string Merge(MergeMethod method) => MergeMethods.First(m => m.Method == method).Value;

    public static string Level(ValidationLevel level) => Levels.First(l => l.Level == level).Value;

    public static string NoMatch(NoMatchAction action) => action == NoMatchAction.Reject ? "reject" : "add";
}
