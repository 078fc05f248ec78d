using System.Text;
using Marcgate.Marc;

namespace Marcgate.Catalog.Administration;

/// <summary>Compares two versions of a record field by field: the longest run of fields both share stays, the rest is removed or added.</summary>
public static class RecordDiff
{
    /// <summary>Every field of both versions in order, each marked unchanged, removed or added; within a change, fields go in tag order.</summary>
    public static IReadOnlyList<RecordDiffLine> Compare(MarcRecord from, MarcRecord to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var a = Lines(from);
        var b = Lines(to);

        // Longest common subsequence of the fields' keys, filled from the end so the walk below goes forward.
        var common = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                common[i, j] = a[i].Key == b[j].Key ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var result = new List<RecordDiffLine>();
        var change = new List<(string Tag, RecordDiffLine Line)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x].Key == b[y].Key)
            {
                Flush(change, result);
                result.Add(new RecordDiffLine(RecordDiffKind.Unchanged, b[y].Text));
                x++;
                y++;
            }
            else if (y == b.Count || (x < a.Count && common[x + 1, y] >= common[x, y + 1]))
            {
                change.Add((a[x].Tag, new RecordDiffLine(RecordDiffKind.Removed, a[x].Text)));
                x++;
            }
            else
            {
                change.Add((b[y].Tag, new RecordDiffLine(RecordDiffKind.Added, b[y].Text)));
                y++;
            }
        }

        Flush(change, result);
        return result;
    }

    /// <summary>A field as one line of text: <c>245 10 $aTitle /$cAuthor.</c>, a blank indicator as <c>#</c> (MARC 21 documentation's convention).</summary>
    public static string Format(MarcField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field is ControlField control)
        {
            return $"{control.Tag} {control.Value}";
        }

        var data = (DataField)field;
        var text = new StringBuilder().Append(data.Tag).Append(' ').Append(Blank(data.Indicator1)).Append(Blank(data.Indicator2)).Append(' ');
        foreach (var subfield in data.Subfields)
        {
            text.Append('$').Append(subfield.Code).Append(subfield.Value);
        }

        return text.ToString();
    }

    // Within one change, removed and added fields go in tag order, removed first for a tag; the sort is stable.
    private static void Flush(List<(string Tag, RecordDiffLine Line)> change, List<RecordDiffLine> result)
    {
        result.AddRange(change.OrderBy(c => c.Tag, StringComparer.Ordinal).ThenBy(c => c.Line.Kind == RecordDiffKind.Added).Select(c => c.Line));
        change.Clear();
    }

    private static List<(string Tag, string Key, string Text)> Lines(MarcRecord record)
    {
        // MARC 21 leader/00-04 and /12-16 are the record's length and base address: they follow the fields, so they are not compared.
        var leader = record.Leader.ToString();
        var key = string.Concat("     ", leader.AsSpan(5, 7), "     ", leader.AsSpan(17));
        var lines = new List<(string Tag, string Key, string Text)> { (string.Empty, "LDR " + key, "LDR " + leader) };
        foreach (var field in record.Fields)
        {
            var text = Format(field);
            lines.Add((field.Tag, text, text));
        }

        return lines;
    }

    private static char Blank(char indicator) => indicator == ' ' ? '#' : indicator;
}
