using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Profiles;

/// <summary>Gateway §7 step 3: copies 019 $a to 035 $z as cancelled OCLC numbers, then deletes the fields the profile lists.</summary>
internal static class RecordNormalizer
{
    /// <summary>Normalises a Unicode record in place.</summary>
    public static void Normalize(MarcRecord record, ProfileRules rules)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rules);

        // Copy before deleting, so a profile may both keep the numbers and drop 019 itself.
        if (rules.Profile.CopyCancelledNumbers)
        {
            CopyCancelledNumbers(record);
        }

        record.Fields.RemoveAll(field => rules.IsDeleted(field.Tag));
    }

    private static void CopyCancelledNumbers(MarcRecord record)
    {
        var present = new HashSet<OclcNumber>();
        foreach (var field in record.GetDataFields("035"))
        {
            foreach (var subfield in field.Subfields)
            {
                if (subfield.Code is 'a' or 'z' && OclcNumbers.TryParseSystemNumber(subfield.Value, out var number))
                {
                    present.Add(number);
                }
            }
        }

        var toCopy = new List<OclcNumber>();
        foreach (var field in record.GetDataFields("019"))
        {
            foreach (var value in field.ValuesOf('a'))
            {
                if (OclcNumber.TryParse(value, out var number) && present.Add(number))
                {
                    toCopy.Add(number);
                }
            }
        }

        if (toCopy.Count == 0)
        {
            return;
        }

        // OCLC's practice: the cancelled numbers go beside the current one, in the 035 that holds (OCoLC) $a.
        var target = record.GetDataFields("035").FirstOrDefault(f => f.ValuesOf('a').Any(OclcNumbers.IsSystemNumber));
        if (target is null)
        {
            target = new DataField("035", ' ', ' ');
            InsertInTagOrder(record, target);
        }

        foreach (var number in toCopy)
        {
            target.Subfields.Add(new Subfield('z', OclcNumbers.ToSystemNumber(number)));
        }
    }

    /// <summary>Inserts a field after the last field whose tag sorts at or before it, keeping the record's own order otherwise.</summary>
    public static void InsertInTagOrder(MarcRecord record, MarcField field)
    {
        var index = record.Fields.FindLastIndex(f => string.CompareOrdinal(f.Tag, field.Tag) <= 0);
        record.Fields.Insert(index + 1, field);
    }
}
