using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>Basic level: the syntax of structured control data (005, 008/00-05) and stray control characters.</summary>
internal static class SyntaxRules
{
    // MARC-8 uses ESC (0x1B) for character-set changes; other C0 controls have no place in data.
    private const char Escape = '\u001b';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext context)
    {
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var occurrence = context.OccurrenceAt(i);
            switch (fields[i])
            {
                case ControlField { Tag: "005" } control when !IsTransactionDate(control.Value):
                    context.Error(ValidationDiagnosticIds.SyntaxInvalid, "005", occurrence, $"005 '{Text.Show(control.Value)}' is not a date and time of the form yyyymmddhhmmss.f");
                    break;
                case ControlField { Tag: "008" } control when control.Value.Length >= 6 && !IsDateEntered(control.Value.AsSpan(0, 6)):
                    context.Error(ValidationDiagnosticIds.SyntaxInvalid, "008", occurrence, $"008/00-05 (date entered on file) '{Text.Show(control.Value[..6])}' is not a date of the form yymmdd", position: 0);
                    break;
                case DataField data:
                    CheckControlCharacters(context, data, occurrence);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckControlCharacters(ValidationContext context, DataField field, int occurrence)
    {
        foreach (var subfield in CollectionsMarshal.AsSpan(field.Subfields))
        {
            if (IndexOfStrayControl(subfield.Value) is var at and >= 0)
            {
                context.Error(ValidationDiagnosticIds.SyntaxInvalid, field.Tag, occurrence, $"{field.Tag} ${subfield.Code} holds the control character {Text.Show(subfield.Value[at])}", subfield: subfield.Code);
            }
        }
    }

    // Eight characters at a time while none is below the blank; the rest one by one, letting ESC pass.
    private static int IndexOfStrayControl(string value)
    {
        var at = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value.AsSpan()));
            var blank = Vector128.Create((ushort)' ');
            for (; at + Vector128<ushort>.Count <= value.Length; at += Vector128<ushort>.Count)
            {
                if (Vector128.LessThanAny(Vector128.LoadUnsafe(ref first, (nuint)at), blank))
                {
                    break;
                }
            }
        }

        for (; at < value.Length; at++)
        {
            if (value[at] < ' ' && value[at] != Escape)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>MARC 21 005: yyyymmddhhmmss.f (16 characters).</summary>
    public static bool IsTransactionDate(string value)
    {
        if (value.Length != 16 || value[14] != '.' || !char.IsAsciiDigit(value[15]))
        {
            return false;
        }

        var span = value.AsSpan();
        return AllDigits(span[..14])
            && Between(span.Slice(4, 2), 1, 12) && Between(span.Slice(6, 2), 1, 31)
            && Between(span.Slice(8, 2), 0, 23) && Between(span.Slice(10, 2), 0, 59) && Between(span.Slice(12, 2), 0, 60);
    }

    /// <summary>MARC 21 008/00-05: yymmdd.</summary>
    public static bool IsDateEntered(ReadOnlySpan<char> value) =>
        AllDigits(value) && Between(value.Slice(2, 2), 1, 12) && Between(value.Slice(4, 2), 1, 31);

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Between(ReadOnlySpan<char> digits, int low, int high)
    {
        var value = ((digits[0] - '0') * 10) + (digits[1] - '0');
        return value >= low && value <= high;
    }
}
