using System.Runtime.InteropServices;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>
/// Full level: a MARC-8 record (leader/09 blank) that designates character sets other than the defaults
/// (ASCII in G0, ANSEL in G1) must declare them in 066 (MARC 21 066; MARC-8 escape sequences, MARC 21
/// Specifications for Record Structure, Character Sets, and Exchange Media, Part 3).
/// </summary>
internal static class CharacterSetRules
{
    private const char Escape = '\u001b';

    public static void Check(ValidationContext context)
    {
        // Without ESC in any subfield no other character set is designated (the syntax rules looked already).
        if (context.Record.Leader.IsUnicode || context.DataHasEscapes == false)
        {
            return;
        }

        SortedSet<string>? used = null;
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is DataField data && context.TagAt(i) != 66)
            {
                foreach (var subfield in CollectionsMarshal.AsSpan(data.Subfields))
                {
                    if (subfield.Value.Contains(Escape, StringComparison.Ordinal))
                    {
                        CollectDesignations(subfield.Value, used ??= new SortedSet<string>(StringComparer.Ordinal));
                    }
                }
            }
        }

        if (used is null || used.Count == 0)
        {
            return;
        }

        var declared = new List<string>();
        for (var at = context.IndexOf(66); at >= 0; at = context.IndexOf(66, at + 1))
        {
            if (fields[at] is DataField field)
            {
                foreach (var subfield in CollectionsMarshal.AsSpan(field.Subfields))
                {
                    declared.Add(subfield.Value);
                }
            }
        }

        if (declared.Count == 0)
        {
            context.Error(ValidationDiagnosticIds.CharacterSetsUndeclared, "066", 0, $"the record uses MARC-8 character sets {string.Join(", ", used.Select(Name))} but has no 066 (character sets present)");
            return;
        }

        foreach (var set in used)
        {
            if (!declared.Exists(d => d.Contains(set, StringComparison.Ordinal)))
            {
                context.Error(ValidationDiagnosticIds.CharacterSetsUndeclared, "066", 1, $"the record uses the MARC-8 character set {Name(set)} but 066 does not declare it");
            }
        }
    }

    /// <summary>Adds each non-default set an escape sequence designates, written as 066 writes it ("(2", "$1", "g").</summary>
    public static void CollectDesignations(string value, ISet<string> used)
    {
        var at = value.IndexOf(Escape, StringComparison.Ordinal);
        while (at >= 0 && at + 1 < value.Length)
        {
            var next = value[at + 1];
            if (next is 'g' or 'b' or 'p')
            {
                // Technique 2: Greek symbols, subscripts, superscripts.
                used.Add(next.ToString());
            }
            else if (next is '(' or ',' or ')' or '-' && at + 2 < value.Length)
            {
                var final = value[at + 2];
                if (final is not ('B' or 'E' or 's'))
                {
                    used.Add((next is '(' or ',' ? "(" : ")") + final);
                }
            }
            else if (next == '$' && at + 2 < value.Length)
            {
                // Multibyte: ESC $ F or ESC $ ( F / ESC $ , F / ESC $ ) F / ESC $ - F.
                var final = value[at + 2] is '(' or ',' or ')' or '-' && at + 3 < value.Length ? value[at + 3] : value[at + 2];
                used.Add("$" + final);
            }

            at = value.IndexOf(Escape, at + 1);
        }
    }

    private static string Name(string set) => set switch
    {
        "g" => "Greek symbols (ESC g)",
        "b" => "subscripts (ESC b)",
        "p" => "superscripts (ESC p)",
        "$1" => "CJK (ESC $ 1)",
        "(2" or ")2" => "Hebrew (2)",
        "(3" or ")3" => "Arabic (3)",
        ")4" or "(4" => "extended Arabic (4)",
        "(N" or ")N" => "Cyrillic (N)",
        ")Q" or "(Q" => "extended Cyrillic (Q)",
        "(S" or ")S" => "Greek (S)",
        _ => $"'{set}'",
    };
}
