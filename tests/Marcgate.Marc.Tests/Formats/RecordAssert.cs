using System.Text;
using Marcgate.Marc;

namespace Marcgate.Marc.Tests.Formats;

/// <summary>Compares records as parsed data: leader, then each field in order.</summary>
internal static class RecordAssert
{
    /// <summary>Fails with the first difference, naming the field.</summary>
    public static void Equal(MarcRecord expected, MarcRecord actual, bool compareLeader = true, NormalizationForm? normalization = null, bool ignoreLeader09 = false)
    {
        var e = Describe(expected, compareLeader, normalization, ignoreLeader09);
        var a = Describe(actual, compareLeader, normalization, ignoreLeader09);
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            Assert.True(e[i] == a[i], $"line {i} differs:\nexpected: {e[i]}\nactual:   {a[i]}");
        }

        Assert.Equal(e.Count, a.Count);
    }

    /// <summary>One line per leader and field; leader positions 00-04 and 12-16 (computed by writers) are left out.</summary>
    public static List<string> Describe(MarcRecord record, bool withLeader = true, NormalizationForm? normalization = null, bool ignoreLeader09 = false)
    {
        string N(string s) => normalization is { } form ? s.Normalize(form) : s;
        var lines = new List<string>();
        if (withLeader)
        {
            var leader = record.Leader.ToString();
            lines.Add("LDR " + leader[5..9] + (ignoreLeader09 ? "?" : leader[9..10]) + leader[10..12] + leader[17..]);
        }

        foreach (var field in record.Fields)
        {
            if (field is ControlField control)
            {
                lines.Add($"{field.Tag} {N(control.Value)}");
                continue;
            }

            var data = (DataField)field;
            var text = new StringBuilder().Append(field.Tag).Append(' ').Append(data.Indicator1).Append(data.Indicator2);
            foreach (var subfield in data.Subfields)
            {
                text.Append(" $").Append(subfield.Code).Append(N(subfield.Value));
            }

            lines.Add(text.ToString());
        }

        return lines;
    }
}
