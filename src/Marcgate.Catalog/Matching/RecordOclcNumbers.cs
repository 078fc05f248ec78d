using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Matching;

/// <summary>Every OCLC number a record carries, split into its current numbers and the cancelled ones (gateway §7 step 5).</summary>
/// <param name="Current">From 035 $a <c>(OCoLC)…</c> and from 001 when 003 is <c>OCoLC</c>, in record order, without repeats.</param>
/// <param name="Cancelled">From 019 $a and 035 $z <c>(OCoLC)…</c>, without repeats and without any current number.</param>
/// <param name="Warnings">Values that look like OCLC numbers but are not (e.g. <c>(OCoLC)abc</c>), each naming its field.</param>
public sealed record RecordOclcNumbers(IReadOnlyList<OclcNumber> Current, IReadOnlyList<OclcNumber> Cancelled, IReadOnlyList<string> Warnings)
{
    /// <summary>The record's own OCLC number: the first current one, or null.</summary>
    public OclcNumber? Primary => Current.Count > 0 ? Current[0] : null;

    /// <summary>Current and cancelled numbers together: what matching looks up.</summary>
    public IEnumerable<OclcNumber> All => Current.Concat(Cancelled);

    /// <summary>Collects the OCLC numbers of a record whose strings are Unicode (or ASCII MARC-8).</summary>
    public static RecordOclcNumbers From(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var current = new List<OclcNumber>();
        var cancelled = new List<OclcNumber>();
        var warnings = new List<string>();

        // MARC 21 001/003: the control number belongs to OCLC only when 003 names it.
        if (record.GetControlValue("003")?.Trim() == OclcNumbers.OrganizationCode && record.GetControlValue("001") is { } controlNumber)
        {
            if (OclcNumber.TryParse(controlNumber, out var number))
            {
                AddOnce(current, number);
            }
            else
            {
                warnings.Add($"001 '{controlNumber}' is not an OCLC number although 003 is OCoLC; ignored for matching.");
            }
        }

        foreach (var field in record.GetDataFields("035"))
        {
            Collect(field, 'a', current, warnings);
            Collect(field, 'z', cancelled, warnings);
        }

        foreach (var field in record.GetDataFields("019"))
        {
            foreach (var value in field.ValuesOf('a'))
            {
                // 019 $a holds bare numbers; some systems write them with the (OCoLC) prefix, which TryParse accepts.
                if (OclcNumber.TryParse(value, out var number))
                {
                    AddOnce(cancelled, number);
                }
                else
                {
                    warnings.Add($"019 $a '{value}' is not an OCLC number; ignored for matching.");
                }
            }
        }

        cancelled.RemoveAll(current.Contains);
        return new RecordOclcNumbers(current, cancelled, warnings);
    }

    private static void Collect(DataField field, char code, List<OclcNumber> into, List<string> warnings)
    {
        foreach (var value in field.ValuesOf(code))
        {
            if (OclcNumbers.TryParseSystemNumber(value, out var number))
            {
                AddOnce(into, number);
            }
            else if (OclcNumbers.IsSystemNumber(value))
            {
                warnings.Add($"035 ${code} '{value}' is not an OCLC number; ignored for matching.");
            }
        }
    }

    private static void AddOnce(List<OclcNumber> into, OclcNumber number)
    {
        if (!into.Contains(number))
        {
            into.Add(number);
        }
    }
}
