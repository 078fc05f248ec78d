using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Correlation IDs: one per import, in its log line and on its receipt. Sixteen characters of Crockford base32
/// (<c>01JEXK8T9Q02G7MZ</c>): the time in milliseconds, a sequence within the process, and a tag drawn at random when
/// the process starts, so the IDs sort by time and hosts sharing a store are most unlikely to hand out the same one.
/// </summary>
public static class ImportCorrelation
{
    /// <summary>The number of characters of an ID.</summary>
    public const int IdLength = 16;

    // Crockford's base32 (https://www.crockford.com/base32.html): no I, L, O or U; in ASCII order, so text order is time order.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int SequenceBits = 16;
    private const int NodeBits = 14;

    private static readonly int s_node = RandomNumberGenerator.GetInt32(1 << NodeBits);

    // The last ID's milliseconds and sequence, (ms << 16) | sequence: the next is always greater, so IDs of one process
    // never repeat and stay in order, even when the clock steps back or more than 65,536 arrive in one millisecond.
    private static long s_last;

    /// <summary>A new ID, greater than every ID this process made before.</summary>
    public static string NewId()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << SequenceBits;
        long last, next;
        do
        {
            last = Volatile.Read(ref s_last);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref s_last, next, last) != last);

        return Format(next >> SequenceBits, (int)(next & ((1 << SequenceBits) - 1)), s_node);
    }

    /// <summary>Reads an ID as a person may type it: any case, with Crockford's O for 0 and I or L for 1; false when it is not one.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? id)
    {
        id = null;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: IdLength })
        {
            return false;
        }

        Span<char> normal = stackalloc char[IdLength];
        for (var i = 0; i < IdLength; i++)
        {
            var c = char.ToUpperInvariant(trimmed[i]) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c) < 0)
            {
                return false;
            }

            normal[i] = c;
        }

        id = new string(normal);
        return true;
    }

    /// <summary>The ID of a millisecond, a sequence number within it and a process tag.</summary>
    internal static string Format(long unixMilliseconds, int sequence, int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unixMilliseconds);

        // Ten characters of time hold 50 bits (milliseconds since 1970 need 48 for another 8,000 years); six hold the
        // 16-bit sequence and the 14-bit process tag.
        return string.Create(IdLength, (Time: unixMilliseconds, Tail: ((long)(sequence & 0xFFFF) << NodeBits) | (uint)(node & ((1 << NodeBits) - 1))), static (chars, parts) =>
        {
            var time = parts.Time;
            for (var i = 9; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(time & 31)];
                time >>= 5;
            }

            var tail = parts.Tail;
            for (var i = IdLength - 1; i >= 10; i--)
            {
                chars[i] = Alphabet[(int)(tail & 31)];
                tail >>= 5;
            }
        });
    }
}
