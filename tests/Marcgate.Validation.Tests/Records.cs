using Marcgate.Marc;

namespace Marcgate.Validation.Tests;

/// <summary>Builds small records for rule tests from a mnemonic-like line per field.</summary>
internal static class Records
{
    /// <summary>A clean LoC-style book record (after summerland.mrc) that passes every level.</summary>
    public static MarcRecord Book(params string[] extra) => Build(
        "00714cam a2200205 a 4500",
        [
            "001 12883376",
            "005 20030616111422.0",
            "008 020805s2002    nyu    j      000 1 eng  ",
            "020    $a0786808772",
            "040    $aDLC$cDLC$dDLC",
            "100 1  $aChabon, Michael.",
            "245 10 $aSummerland /$cMichael Chabon.",
            "250    $a1st ed.",
            "260    $aNew York :$bMiramax Books/Hyperion Books for Children,$cc2002.",
            "300    $a500 p. ;$c22 cm.",
            "650  1 $aFantasy.",
            .. extra,
        ]);

    /// <summary>A record from a leader and lines "TAG value" (control) or "TAG II $avalue$bvalue" (data).</summary>
    public static MarcRecord Build(string leader, IEnumerable<string> lines)
    {
        var record = new MarcRecord(new Leader(leader));
        foreach (var line in lines)
        {
            record.Fields.Add(Field(line));
        }

        return record;
    }

    public static MarcField Field(string line)
    {
        var tag = line[..3];
        if (MarcField.IsControlTag(tag))
        {
            return new ControlField(tag, line[4..]);
        }

        var subfields = line[7..].Split('$', StringSplitOptions.RemoveEmptyEntries).Select(s => new Subfield(s[0], s[1..]));
        return new DataField(tag, line[4], line[5], subfields);
    }

    /// <summary>Replaces every field with this tag by the given lines (none removes them).</summary>
    public static MarcRecord With(this MarcRecord record, string tag, params string[] lines)
    {
        var at = record.Fields.FindIndex(f => f.Tag == tag);
        record.Fields.RemoveAll(f => f.Tag == tag);
        if (at < 0)
        {
            at = record.Fields.FindIndex(f => string.CompareOrdinal(f.Tag, tag) > 0);
            at = at < 0 ? record.Fields.Count : at;
        }

        record.Fields.InsertRange(at, lines.Select(Field));
        return record;
    }

    public static IReadOnlyList<ValidationDiagnostic> Check(this MarcRecord record, ValidationLevel level = ValidationLevel.Full) =>
        MarcValidator.Instance.Validate(record, level);

    public static IEnumerable<string> Ids(this IEnumerable<ValidationDiagnostic> diagnostics) => diagnostics.Select(d => d.Id);
}
