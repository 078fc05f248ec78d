namespace Marcgate.Web.Cataloging;

/// <summary>One field of the Export Options page: the setting it edits, its label as Connexion shows it, and how it is typed.</summary>
/// <param name="Key">The setting's key in <see cref="Export.Options.ExportOptionKeys"/>, also the form field's name.</param>
/// <param name="Label">Connexion's label.</param>
/// <param name="Input">How it is typed: <c>text</c>, <c>number</c>, <c>checkbox</c>, <c>select</c> or <c>radio</c>.</param>
/// <param name="Choices">The values and their labels, for selects and radios.</param>
internal sealed record ExportOptionField(string Key, string Label, string Input, IReadOnlyList<(string Value, string Label)> Choices)
{
    /// <summary>A short help text shown under the field.</summary>
    public string? Help { get; init; }
}
