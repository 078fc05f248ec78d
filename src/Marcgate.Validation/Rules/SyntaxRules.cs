using System.Runtime.CompilerServices;
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
        var escapes = false;
        for (var i = 0; i < fields.Count; i++)
        {
            switch (fields[i])
            {
                case DataField data:
                    escapes |= CheckControlCharacters(context, data, context.OccurrenceAt(i));
                    break;
                case ControlField control when context.TagAt(i) == 5 && !IsTransactionDate(control.Value):
                    context.Error(ValidationDiagnosticIds.SyntaxInvalid, "005", context.OccurrenceAt(i), $"005 '{Text.Show(control.Value)}' is not a date and time of the form yyyymmddhhmmss.f");
                    break;
                case ControlField control when context.TagAt(i) == 8 && control.Value.Length >= 6 && !IsDateEntered(control.Value.AsSpan(0, 6)):
                    context.Error(ValidationDiagnosticIds.SyntaxInvalid, "008", context.OccurrenceAt(i), $"008/00-05 (date entered on file) '{Text.Show(control.Value[..6])}' is not a date of the form yymmdd", position: 0);
                    break;
            }
        }

        context.DataHasEscapes = escapes;
    }

    // True when a subfield holds ESC (MARC-8 character-set changes, which Full checks against 066).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CheckControlCharacters(ValidationContext context, DataField field, int occurrence)
    {
        if (!field.Indexed.AnyHasControlCharacter())
        {
            return false;
        }

        var escapes = false;
        var subfields = field.Indexed;
        var count = subfields.Count;
        for (var i = 0; i < count; i++)
        {
            // Whether some character is below the blank (a C0 control, ESC included), a vector at a time.
            if (!subfields.HasControlCharacter(i))
            {
                continue;
            }

            // Rare: the first control character that is not ESC is reported, and whether ESC occurs is noted.
            var code = subfields.Code(i);
            var value = subfields.Value(i);
            var reported = false;
            for (var at = 0; at < value.Length; at++)
            {
                if (value[at] == Escape)
                {
                    escapes = true;
                }
                else if (value[at] < ' ' && !reported)
                {
                    context.Error(ValidationDiagnosticIds.SyntaxInvalid, field.Tag, occurrence, $"{field.Tag} ${code} holds the control character {Text.Show(value[at])}", subfield: code);
                    reported = true;
                }
            }
        }

        return escapes;
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
