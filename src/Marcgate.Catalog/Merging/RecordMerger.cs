using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Merging;

/// <summary>Gateway §7 step 5, one match: merges an incoming record into the stored one by the profile's method.</summary>
internal static class RecordMerger
{
    /// <summary>Merges; never changes either argument.</summary>
    public static MergeOutcome Merge(MarcRecord incoming, MarcRecord existing, ProfileRules rules)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(rules);

        var method = rules.Profile.MergeMethod;
        if (method == MergeMethod.KeepExisting)
        {
            return new MergeOutcome(existing.Clone(), null);
        }

        // gateway §7 step 5: never overlay a fuller record with a briefer one (leader/17) unless allowed.
        var incomingLevel = incoming.Leader.EncodingLevel;
        var existingLevel = existing.Leader.EncodingLevel;
        if (!rules.Profile.AllowLowerEncodingLevel && EncodingLevel.IsBriefer(incomingLevel, existingLevel))
        {
            return new MergeOutcome(null,
                $"The incoming record's encoding level ({EncodingLevel.Describe(incomingLevel)}) is lower than the stored record's ({EncodingLevel.Describe(existingLevel)}); the stored record was kept.");
        }

        if (method == MergeMethod.Replace)
        {
            return new MergeOutcome(incoming.Clone(), null);
        }

        // Overlay all fields but local: the incoming record replaces the stored one, whose local fields
        // (9XX and the profile's protected tags) stay as they are; incoming local fields do not replace them.
        // The kept fields take the places the incoming local fields had, then go in tag order, so the same
        // record sent again merges to the very bytes stored (gateway §7 step 7).
        var kept = new Queue<MarcField>(existing.Fields.Where(f => rules.IsProtected(f.Tag)));
        var merged = new MarcRecord(incoming.Leader.Clone());
        foreach (var field in incoming.Fields)
        {
            if (!rules.IsProtected(field.Tag))
            {
                merged.Fields.Add(field.Clone());
            }
            else if (kept.Count > 0)
            {
                merged.Fields.Add(kept.Dequeue().Clone());
            }
        }

        while (kept.Count > 0)
        {
            RecordNormalizer.InsertInTagOrder(merged, kept.Dequeue().Clone());
        }

        return new MergeOutcome(merged, null);
    }
}
