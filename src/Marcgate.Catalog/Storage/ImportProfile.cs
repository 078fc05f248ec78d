using Marcgate.Validation;

namespace Marcgate.Catalog.Storage;

/// <summary>An Alma-like import profile: how records sent with an account are normalised, validated, matched and merged (gateway §7 steps 3–5).</summary>
/// <param name="Name">The profile's name, which accounts refer to.</param>
public sealed record ImportProfile(string Name)
{
    /// <summary>The level records are validated at (§7 step 4).</summary>
    public ValidationLevel ValidationLevel { get; init; } = ValidationLevel.Structure;

    /// <summary>Tags deleted from incoming records, with <c>X</c> as a wildcard digit (<c>9XX</c>, <c>029</c>, <c>938</c>) (§7 step 3).</summary>
    public IReadOnlyList<string> FieldsToDelete { get; init; } = [];

    /// <summary>Whether 019 $a is copied to 035 $z as cancelled OCLC numbers (§7 step 3).</summary>
    public bool CopyCancelledNumbers { get; init; } = true;

    /// <summary>Whether incoming records are matched on their OCLC numbers; when false every record is added (§7 step 5).</summary>
    public bool MatchOnOclcNumbers { get; init; } = true;

    /// <summary>How a single match is merged (§7 step 5).</summary>
    public MergeMethod MergeMethod { get; init; } = MergeMethod.OverlayAllButLocal;

    /// <summary>What happens to a record that matches nothing (§7 step 5).</summary>
    public NoMatchAction NoMatchAction { get; init; } = NoMatchAction.Add;

    /// <summary>Tag patterns kept from the existing record on overlay in addition to 9XX, with <c>X</c> as a wildcard digit (§7 step 5).</summary>
    public IReadOnlyList<string> ProtectedFields { get; init; } = [];

    /// <summary>Whether a fuller record may be overlaid by a briefer one (leader/17 encoding level); the guard is on when false (§7 step 5).</summary>
    public bool AllowLowerEncodingLevel { get; init; }
}
