using System.Text;

namespace Marcgate.Marc.Charset;

/// <summary>
/// NFC of an ASCII character followed by one combining mark (U+0300-U+036F), the bulk of MARC-8
/// Latin text, cached per pair as it is first met. The answers come from the runtime's own NFC,
/// so they always agree with <see cref="string.Normalize(NormalizationForm)"/>.
/// </summary>
internal static class LatinComposition
{
    /// <summary>The pair is already NFC.</summary>
    public const char Unchanged = '\u0001';

    /// <summary>NFC turns the pair into something other than one character (e.g. U+0344 splits); normalize.</summary>
    public const char NeedsNormalization = '\u0002';

    private const int FirstMark = 0x300;
    private const int MarkCount = 0x70;

    // 0 = not yet computed; otherwise Unchanged, NeedsNormalization or the composed character.
    private static readonly char[] s_pairs = new char[128 * MarkCount];

    /// <summary>The composed character, <see cref="Unchanged"/> or <see cref="NeedsNormalization"/>.</summary>
    public static char Compose(char ascii, char mark)
    {
        var offset = mark - FirstMark;
        if ((uint)offset >= MarkCount)
        {
            return NeedsNormalization;
        }

        var index = (ascii * MarkCount) + offset;
        var cached = s_pairs[index];
        if (cached == 0)
        {
            // A race computes the same answer twice; a char write is atomic.
            s_pairs[index] = cached = Compute(ascii, mark);
        }

        return cached;
    }

    private static char Compute(char ascii, char mark)
    {
        var pair = string.Concat(ascii.ToString(), mark.ToString());
        var normalized = pair.Normalize(NormalizationForm.FormC);
        return normalized == pair ? Unchanged : normalized.Length == 1 && normalized[0] > NeedsNormalization ? normalized[0] : NeedsNormalization;
    }
}
