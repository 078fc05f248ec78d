using System.Runtime.CompilerServices;
using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules;

/// <summary>Basic level: leader, 006, 007 and 008 codes position by position, from the generated layouts.</summary>
internal static class FixedFieldRules
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext context, FormatDefinition format)
    {
        CheckLeader(context, format);
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not ControlField control)
            {
                continue;
            }

            var occurrence = context.OccurrenceAt(i);
            switch (context.TagAt(i))
            {
                case 8:
                    Check008(context, format, control.Value, occurrence);
                    break;
                case 6 when control.Value.Length > 0 && format.Field006.TryGetValue(control.Value[0], out var layout006):
                    CheckPositions(context, "006", occurrence, control.Value, layout006);
                    break;
                case 6 when control.Value.Length > 0:
                    context.Error(ValidationDiagnosticIds.FixedFieldCodeUndefined, "006", occurrence, $"006/00 form of material '{Text.Show(control.Value[0])}' is not defined", position: 0);
                    break;
                case 7 when control.Value.Length > 0 && format.Field007.TryGetValue(control.Value[0], out var layout007):
                    CheckPositions(context, "007", occurrence, control.Value, layout007);
                    break;
                case 7 when control.Value.Length > 0 && format.Field007.Count > 0:
                    context.Error(ValidationDiagnosticIds.FixedFieldCodeUndefined, "007", occurrence, $"007/00 category of material '{Text.Show(control.Value[0])}' is not defined", position: 0);
                    break;
            }
        }
    }

    private static void CheckLeader(ValidationContext context, FormatDefinition format)
    {
        var record = context.Record.Leader;
        Span<char> leader = stackalloc char[Leader.Length];
        for (var i = 0; i < leader.Length; i++)
        {
            leader[i] = record[i];
        }

        foreach (var position in format.Leader.Positions)
        {
            if (!IsLeaderPositionChecked(position.Start) || position.Accepts(leader.Slice(position.Start, position.Width)))
            {
                continue;
            }

            if (position.Start == 6 && context.HasFinding(ValidationDiagnosticIds.LeaderInvalid, 6))
            {
                // Structure already said leader/06 is no MARC 21 type of record.
                continue;
            }

            context.Error(ValidationDiagnosticIds.FixedFieldCodeUndefined, "LDR", 0, $"leader/{Positions(position)} ({position.Label.ToLowerInvariant()}) is '{Text.Show(leader.Slice(position.Start, position.Width))}', which is not a defined code", position: position.Start);
        }
    }

    // Leader positions the codec owns (lengths, base address, entry map) or Structure already checks are left out.
    private static bool IsLeaderPositionChecked(int start) => start is 5 or 6 or 7 or 8 or 9 or 17 or 18 or 19;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Check008(ValidationContext context, FormatDefinition format, string value, int occurrence)
    {
        var material = format.Kind == MarcRecordKind.Bibliographic ? MaterialType.Of(context.Record.Leader) : ' ';
        if (format.Kind == MarcRecordKind.Bibliographic && format.Field008.TryGetValue('a', out var common))
        {
            var expected = common.Length;
            if (value.Length != expected)
            {
                context.Error(ValidationDiagnosticIds.FixedFieldLength, "008", occurrence, $"008 is {value.Length} characters long; MARC 21 requires {expected}");
            }

            // 008/00-17 and 35-39 are common to all materials; 18-34 depend on leader/06-07.
            CheckPositions(context, "008", occurrence, value, common, skipMaterialPositions: true);
            if (format.Field008.TryGetValue(material, out var specific))
            {
                CheckPositions(context, "008", occurrence, value, specific, MaterialType.ForName(material));
            }
        }
        else if (format.Field008.TryGetValue(' ', out var layout))
        {
            if (value.Length != layout.Length)
            {
                context.Error(ValidationDiagnosticIds.FixedFieldLength, "008", occurrence, $"008 is {value.Length} characters long; the MARC 21 {format.Name} format requires {layout.Length}");
            }

            CheckPositions(context, "008", occurrence, value, layout);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckPositions(ValidationContext context, string tag, int occurrence, string value, FixedFieldDefinition layout, string suffix = "", bool skipMaterialPositions = false)
    {
        foreach (var position in layout.Positions)
        {
            if (skipMaterialPositions && position.Start >= 18 && position.End <= 34)
            {
                continue;
            }

            if (position.End >= value.Length)
            {
                // Too short: the length rule says so once; check what is there.
                continue;
            }

            var slice = value.AsSpan(position.Start, position.Width);
            if (!position.Accepts(slice) && !IsFill(tag, position, slice))
            {
                context.Add(Rejection(tag, position, slice, suffix), occurrence);
            }
        }
    }

    // The same undefined code (008/15-17 '###') recurs record after record: its finding is made once while it does. The
    // position keeps it: a per-thread table keyed by position and value cost 4% more instructions on the benchmark corpus
    // (bench/results/validation-marclint.md).
    private static ValidationDiagnostic Rejection(string tag, PositionDefinition position, ReadOnlySpan<char> slice, string suffix)
    {
        if (position.LastRejected is { } last && last.Finding.Tag == tag && last.Suffix == suffix && slice.SequenceEqual(last.Value))
        {
            return last.Finding;
        }

        var value = slice.ToString();
        var message = $"{tag}/{Positions(position)} ({position.Label}){suffix}: '{Text.Show(value)}' is not a defined code";
        var finding = new ValidationDiagnostic(ValidationDiagnosticIds.FixedFieldCodeUndefined, ValidationSeverity.Error, tag, 1, message) { Position = position.Start };
        position.LastRejected = new RejectedCode(suffix, value, finding);
        return finding;
    }

    // MARC 21: the fill character '|' means "no attempt to code" and may stand in any coded position except
    // 006/00 and 007/00 (they choose the layout) and 008/00-06 (date entered, type of date).
    private static bool IsFill(string tag, PositionDefinition position, ReadOnlySpan<char> slice)
    {
        if (position.Start == 0 || (tag == "008" && position.Start <= 6))
        {
            return false;
        }

        foreach (var c in slice)
        {
            if (c != '|')
            {
                return false;
            }
        }

        return true;
    }

    public static string Positions(PositionDefinition position) => position.Range;
}
