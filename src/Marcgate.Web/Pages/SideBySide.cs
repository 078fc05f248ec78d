using Marcgate.Catalog.Administration;

namespace Marcgate.Web.Pages;

/// <summary>Lays a field-by-field comparison (<see cref="RecordDiff"/>) out in two columns: each run of removed fields beside the run of added fields that replaced it.</summary>
internal static class SideBySide
{
    public static IReadOnlyList<DiffRow> Rows(IReadOnlyList<RecordDiffLine> lines)
    {
        var rows = new List<DiffRow>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var line in lines)
        {
            if (line.Kind == RecordDiffKind.Unchanged)
            {
                Flush(rows, removed, added);
                rows.Add(new DiffRow(line.Text, line.Text, Changed: false));
            }
            else
            {
                (line.Kind == RecordDiffKind.Removed ? removed : added).Add(line.Text);
            }
        }

        Flush(rows, removed, added);
        return rows;
    }

    private static void Flush(List<DiffRow> rows, List<string> removed, List<string> added)
    {
        for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
        {
            rows.Add(new DiffRow(i < removed.Count ? removed[i] : null, i < added.Count ? added[i] : null, Changed: true));
        }

        removed.Clear();
        added.Clear();
    }
}
