using System.Text.Json;

namespace Marcgate.ValidationTableGen;

/// <summary>Reads obsolete-codes.json: per format and tag, the indicator values and subfield codes MARC 21 has made obsolete.</summary>
internal static class ObsoleteCodeData
{
    private static readonly (string Property, string Kind)[] s_kinds =
    [
        ("indicator1", "Indicator1"), ("indicator2", "Indicator2"), ("subfields", "Subfield"),
    ];

    public static Dictionary<string, List<SchemaObsoleteCode>> Load(string path, string format)
    {
        var byTag = new Dictionary<string, List<SchemaObsoleteCode>>(StringComparer.Ordinal);
        if (!AvramReader.Load(path).TryGetProperty(format, out var tags))
        {
            return byTag;
        }

        foreach (var tag in tags.EnumerateObject())
        {
            var codes = byTag[tag.Name] = [];
            foreach (var (property, kind) in s_kinds)
            {
                if (!tag.Value.TryGetProperty(property, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries.EnumerateObject())
                {
                    var label = entry.Value.GetProperty("label").GetString() ?? "";
                    var since = entry.Value.TryGetProperty("since", out var s) ? s.GetString() : null;
                    foreach (var code in AvramReader.ExpandRange(entry.Name.Replace('#', ' ')))
                    {
                        codes.Add(new SchemaObsoleteCode(kind, code, label, since));
                    }
                }
            }
        }

        return byTag;
    }

    /// <summary>An obsolete code must be one the field does not define now; otherwise the data file is wrong.</summary>
    /// <exception cref="InvalidDataException">An entry names a value or code the field currently defines, or a field without indicators.</exception>
    public static void CheckAgainst(SchemaField field, IReadOnlyList<SchemaObsoleteCode> codes, string format)
    {
        foreach (var code in codes)
        {
            var current = code.Kind switch
            {
                "Indicator1" => field.Indicator1 ?? throw Invalid(format, field, code, "has no indicators"),
                "Indicator2" => field.Indicator2 ?? throw Invalid(format, field, code, "has no indicators"),
                _ => string.Concat(field.Subfields.Select(s => s.Code)),
            };
            if (current.Contains(code.Code, StringComparison.Ordinal))
            {
                throw Invalid(format, field, code, "defines it now");
            }
        }
    }

    private static InvalidDataException Invalid(string format, SchemaField field, SchemaObsoleteCode code, string why) =>
        new($"obsolete-codes.json: {format} {field.Tag} {code.Kind} '{code.Code}' is listed as obsolete but the field {why}");
}
