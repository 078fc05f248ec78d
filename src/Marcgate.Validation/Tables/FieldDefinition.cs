using System.Buffers;
using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Tables;

/// <summary>A field as its format defines it: repeatability, indicator values, subfield codes.</summary>
internal sealed class FieldDefinition
{
    private readonly SubfieldDefinition?[] _subfields = new SubfieldDefinition?[128];
    private readonly ObsoleteCode[] _obsoleteCodes;

    // The allowed indicator values as sets, so each indicator is tested without a search through the string.
    private readonly SearchValues<char> _indicator1;
    private readonly SearchValues<char> _indicator2;

    // Findings about this field's indicators repeat record after record: each message is built once (by indicator and value).
    private ValidationDiagnostic?[]? _indicatorFindings;
    private string? _obsoleteMessage;

    /// <remarks>
    /// Indicators are the allowed values (null for control fields); obsolete says why the field is obsolete, null when current;
    /// obsoleteCodes are the indicator values and subfield codes the field no longer defines.
    /// </remarks>
    public FieldDefinition(string tag, string label, bool repeatable, string? indicator1, string? indicator2, SubfieldDefinition[] subfields, FieldSource source, string? obsolete, ObsoleteCode[]? obsoleteCodes = null)
    {
        _obsoleteCodes = obsoleteCodes ?? [];
        Tag = tag;
        Label = label;
        Repeatable = repeatable;
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        _indicator1 = SearchValues.Create(indicator1 ?? string.Empty);
        _indicator2 = SearchValues.Create(indicator2 ?? string.Empty);
        Source = source;
        Obsolete = obsolete;
        foreach (var subfield in subfields)
        {
            _subfields[subfield.Code & 0x7f] = subfield;
        }

        HasSubfields = subfields.Length > 0;
    }

    public string Tag { get; }

    public string Label { get; }

    public bool Repeatable { get; }

    public string? Indicator1 { get; }

    public string? Indicator2 { get; }

    public FieldSource Source { get; }

    public string? Obsolete { get; }

    /// <summary>True when the field has subfields defined (data fields).</summary>
    public bool HasSubfields { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SubfieldDefinition? Subfield(char code) => code < 128 ? _subfields[code] : null;

    /// <summary>True when the indicator (1 or 2) takes any value (no definition) or this value; a non-ASCII value is never defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AllowsIndicator(int which, char value)
    {
        var allowed = which == 1 ? Indicator1 : Indicator2;
        return allowed is null || (which == 1 ? _indicator1 : _indicator2).Contains(value);
    }

    /// <summary>The finding kept for an indicator value this field does not define (as said of the field's first occurrence), or null.</summary>
    public ValidationDiagnostic? IndicatorFinding(int which, char value) =>
        value < 128 && _indicatorFindings is { } findings ? findings[((which - 1) * 128) + value] : null;

    /// <summary>Keeps the finding for an indicator value, so that it is made once.</summary>
    public void KeepIndicatorFinding(int which, char value, ValidationDiagnostic finding)
    {
        if (value < 128)
        {
            // Threads may race here: they store equal findings, and a reference store is atomic.
            (_indicatorFindings ??= new ValidationDiagnostic?[256])[((which - 1) * 128) + value] = finding;
        }
    }

    /// <summary>The message saying that this field is obsolete.</summary>
    public string ObsoleteMessage => _obsoleteMessage ??= $"{Tag} is obsolete in MARC 21 ({Obsolete})";

    /// <summary>The obsolete definition of an indicator value or subfield code the field does not define now, or null when MARC 21 never defined it.</summary>
    public ObsoleteCode? FindObsolete(ObsoleteCodeKind kind, char code)
    {
        // A handful of entries per field at most, and only asked once a value has been found undefined.
        foreach (var obsolete in _obsoleteCodes)
        {
            if (obsolete.Kind == kind && obsolete.Code == code)
            {
                return obsolete;
            }
        }

        return null;
    }
}
