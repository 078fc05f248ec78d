using System.Text;
using System.Text.Json;

namespace Marcgate.ValidationTableGen;

/// <summary>Reads Avram JSON (https://format.gbv.de/schema/avram/specification): fields, indicators, subfields, positions.</summary>
internal static class AvramReader
{
    public static JsonElement Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    public static SchemaField ReadField(string tag, JsonElement field)
    {
        var label = field.TryGetProperty("label", out var l0) ? l0.GetString() ?? tag : tag;
        var repeatable = field.TryGetProperty("repeatable", out var r) && r.ValueKind == JsonValueKind.True;
        var subfields = new List<SchemaSubfield>();
        if (field.TryGetProperty("subfields", out var subs) && subs.ValueKind == JsonValueKind.Object)
        {
            foreach (var sub in subs.EnumerateObject())
            {
                var subLabel = sub.Value.TryGetProperty("label", out var l) ? l.GetString() ?? "" : "";
                var subRepeatable = sub.Value.TryGetProperty("repeatable", out var sr) && sr.ValueKind == JsonValueKind.True;
                foreach (var code in ExpandRange(sub.Name.Replace("$", "", StringComparison.Ordinal)))
                {
                    subfields.Add(new SchemaSubfield(code, subLabel, subRepeatable));
                }
            }
        }

        subfields.Sort((a, b) => a.Code.CompareTo(b.Code));
        return new SchemaField(tag, label, repeatable, Indicator(field, "indicator1"), Indicator(field, "indicator2"), subfields);
    }

    public static List<SchemaPosition> ReadPositions(JsonElement positions)
    {
        var list = new List<SchemaPosition>();
        foreach (var entry in positions.EnumerateObject())
        {
            var p = entry.Value;
            var start = p.GetProperty("start").GetInt32();
            var end = p.GetProperty("end").GetInt32();
            var label = p.GetProperty("label").GetString() ?? "";
            var codes = p.TryGetProperty("codes", out var c) && c.ValueKind == JsonValueKind.Object
                ? c.EnumerateObject().Select(o => o.Name).ToList()
                : [];
            list.Add(Classify(start, end, label, codes));
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    /// <summary>Sorts a position's code keys into per-character codes, whole values and templates.</summary>
    public static SchemaPosition Classify(int start, int end, string label, IReadOnlyList<string> codes)
    {
        var width = end - start + 1;
        var chars = new SortedSet<char>();
        var values = new SortedSet<string>(StringComparer.Ordinal);
        var templates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in codes)
        {
            // MARC documentation writes a blank as '#'; no code uses '#' itself.
            var code = raw.Replace('#', ' ');
            if (code.Length == 1)
            {
                chars.Add(code[0]);
            }
            else if (code == "[number]")
            {
                templates.Add(new string('9', width));
            }
            else if (code.StartsWith('[') && code.EndsWith(']'))
            {
                // "[aaa]", "[aa#]": a code from a MARC code list (letters, blank-padded).
                templates.Add(code[1..^1]);
            }
            else if (code.Length == 3 && code[1] == '-')
            {
                // A range key such as "1-9". In a multi-character position (008/07-10 Date 1) it
                // stands for the digits of a number, so every digit is allowed.
                foreach (var ch in width > 1 && char.IsAsciiDigit(code[0]) ? "0123456789" : string.Concat(ExpandRange(code)))
                {
                    chars.Add(ch);
                }
            }
            else if (code.Contains('-', StringComparison.Ordinal) && code.Split('-') is [var low, var high] && low.Length == high.Length && low.All(char.IsAsciiDigit))
            {
                // "001-999": a zero-padded number.
                templates.Add(new string('9', low.Length));
            }
            else
            {
                values.Add(code);
            }
        }

        if (chars.Count == 0 && values.Count == 0 && templates.Count == 0 && label.StartsWith("Undefined", StringComparison.OrdinalIgnoreCase))
        {
            // MARC 21: undefined character positions hold a blank or the fill character.
            chars.Add(' ');
            chars.Add('|');
        }

        return new SchemaPosition(start, end, label, string.Concat(chars), [.. values], [.. templates]);
    }

    public static IEnumerable<char> ExpandRange(string key)
    {
        if (key.Length == 3 && key[1] == '-')
        {
            for (var c = key[0]; c <= key[2]; c++)
            {
                yield return c;
            }
        }
        else
        {
            foreach (var c in key)
            {
                yield return c;
            }
        }
    }

    private static string? Indicator(JsonElement field, string name)
    {
        if (!field.TryGetProperty(name, out var indicator) || indicator.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var allowed = new SortedSet<char>();
        if (indicator.TryGetProperty("codes", out var codes) && codes.ValueKind == JsonValueKind.Object)
        {
            foreach (var code in codes.EnumerateObject())
            {
                foreach (var c in ExpandRange(code.Name.Replace('#', ' ')))
                {
                    allowed.Add(c);
                }
            }
        }

        // An indicator the schema lists with no codes is undefined: blank only (MARC 21 general information).
        return allowed.Count == 0 ? " " : new StringBuilder().AppendJoin("", allowed).ToString();
    }
}
