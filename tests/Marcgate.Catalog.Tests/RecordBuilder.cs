using Marcgate.Marc;

namespace Marcgate.Catalog.Tests;

/// <summary>Small records for tests, written as MARC mnemonic-like lines.</summary>
internal static class RecordBuilder
{
    /// <summary>Builds a record: <c>"001 value"</c> for control fields, <c>"245 10 $aTitle$cResp"</c> for data fields, <c>#</c> for a blank indicator.</summary>
    public static MarcRecord Build(string leader, params string[] lines)
    {
        var record = new MarcRecord(new Leader(leader));
        foreach (var line in lines)
        {
            var tag = line[..3];
            if (MarcField.IsControlTag(tag))
            {
                record.Fields.Add(new ControlField(tag, line[4..]));
                continue;
            }

            var subfields = line[7..].Split('$', StringSplitOptions.RemoveEmptyEntries).Select(s => new Subfield(s[0], s[1..]));
            record.Fields.Add(new DataField(tag, Indicator(line[4]), Indicator(line[5]), subfields));
        }

        return record;
    }

    // MARC 21 documentation writes a blank indicator as '#'.
    private static char Indicator(char c) => c == '#' ? ' ' : c;

    /// <summary>A bibliographic record in Unicode at the given encoding level.</summary>
    public static MarcRecord Bib(char encodingLevel, params string[] lines) => Build($"00000nam a2200000{encodingLevel}a 4500", lines);

    /// <summary>The tags of a record in order, for compact assertions.</summary>
    public static string Tags(MarcRecord record) => string.Join(' ', record.Fields.Select(f => f.Tag));
}
