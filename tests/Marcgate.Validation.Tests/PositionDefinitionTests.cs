using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Fixed-field positions answer from per-character tables; the answers must be the definition's: a value is accepted when it
/// is one of Values, fits one of Templates ('a' a lowercase letter, '9' a digit, else itself), or is made of Chars only.
/// </summary>
public sealed class PositionDefinitionTests
{
    public static TheoryData<string> Formats() => ["Bibliographic", "Authority", "Holdings"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_generated_position_accepts_what_its_definition_says(string name)
    {
        var format = name switch
        {
            "Authority" => FormatTables.Authority,
            "Holdings" => FormatTables.Holdings,
            _ => FormatTables.Bibliographic,
        };
        var layouts = new List<FixedFieldDefinition> { format.Leader };
        foreach (var key in Enumerable.Range(0, 128).Select(c => (char)c))
        {
            foreach (var table in (FixedFieldLayouts[])[format.Field006, format.Field007, format.Field008])
            {
                if (table.TryGetValue(key, out var layout))
                {
                    layouts.Add(layout);
                }
            }
        }

        var random = new Random(2709);
        const string pool = " |0123456789abcdeuxz#-AZ\u00e9";
        foreach (var position in layouts.SelectMany(layout => layout.Positions))
        {
            var values = new List<string>(position.Values);
            values.AddRange(position.Templates.Select(t => new string([.. t.Select(c => c switch { 'a' => 'q', '9' => '7', _ => c })])));
            for (var c = 0; c < 256; c++)
            {
                values.Add(new string((char)c, position.Width));
            }

            for (var i = 0; i < 200; i++)
            {
                values.Add(new string([.. Enumerable.Range(0, position.Width).Select(_ => pool[random.Next(pool.Length)])]));
            }

            foreach (var value in values)
            {
                Assert.True(Defined(position, value) == position.Accepts(value), $"{position.Range} '{value}'");
            }
        }
    }

    private static bool Defined(PositionDefinition position, string value) =>
        !position.IsChecked
        || position.Values.Contains(value)
        || position.Templates.Any(template => template.Length == value.Length && template.Zip(value).All(pair => pair.First switch
        {
            'a' => pair.Second is >= 'a' and <= 'z',
            '9' => char.IsAsciiDigit(pair.Second),
            var literal => pair.Second == literal,
        }))
        || (position.Chars.Length > 0 && value.All(c => position.Chars.Contains(c, StringComparison.Ordinal)));
}
