using System.Diagnostics.CodeAnalysis;

namespace Marcgate.Validation.Tables;

/// <summary>Fixed-field layouts keyed by one ASCII code: 008 by material, 006 by form of material, 007 by category.</summary>
internal sealed class FixedFieldLayouts
{
    private readonly FixedFieldDefinition?[] _byCode = new FixedFieldDefinition?[128];

    public FixedFieldLayouts(Dictionary<char, FixedFieldDefinition> layouts)
    {
        foreach (var (code, layout) in layouts)
        {
            if (code >= _byCode.Length)
            {
                throw new ArgumentException($"fixed-field layout key '{code}' is not ASCII", nameof(layouts));
            }

            _byCode[code] = layout;
        }

        Count = layouts.Count;
    }

    public int Count { get; }

    public bool TryGetValue(char code, [MaybeNullWhen(false)] out FixedFieldDefinition layout)
    {
        layout = code < _byCode.Length ? _byCode[code] : null;
        return layout is not null;
    }
}
