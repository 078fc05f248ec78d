namespace Marcgate.Validation.Tables;

/// <summary>An indicator value or subfield code that MARC 21 once defined for a field and has made obsolete.</summary>
/// <remarks>Label is what the code meant; Since is when it was made obsolete (a year, or years by form of material), null when LoC's lists do not say.</remarks>
internal sealed record ObsoleteCode(ObsoleteCodeKind Kind, char Code, string Label, string? Since)
{
    /// <summary>"obsolete in MARC 21 since 1996", or without the year when it is not known.</summary>
    public string Status => Since is null ? "obsolete in MARC 21" : $"obsolete in MARC 21 since {Since}";
}
