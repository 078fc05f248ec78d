using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Directory numbers (four-digit lengths, five-digit starts) are read four bytes at a time; the answers must be a digit-by-digit reading's.</summary>
public sealed class DigitsTests
{
    // Digits, their neighbours in ASCII ('/' and ':'), a blank, a letter and bytes with the high bit set.
    private static readonly byte[] s_bytes = [(byte)'0', (byte)'1', (byte)'5', (byte)'9', (byte)'/', (byte)':', (byte)' ', (byte)'a', 0xB0, 0xFF, 0x00];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_combination_reads_as_digit_by_digit(int width)
    {
        var digits = new byte[width];
        var combinations = (int)Math.Pow(s_bytes.Length, width);
        for (var n = 0; n < combinations; n++)
        {
            var rest = n;
            for (var i = 0; i < width; i++)
            {
                digits[i] = s_bytes[rest % s_bytes.Length];
                rest /= s_bytes.Length;
            }

            Assert.Equal(DigitByDigit(digits), Marc.Iso2709.Iso2709.ParseDigits(digits));
        }
    }

    [Fact]
    public void Largest_and_smallest_values()
    {
        Assert.Equal(9999, Marc.Iso2709.Iso2709.ParseDigits("9999"u8));
        Assert.Equal(99999, Marc.Iso2709.Iso2709.ParseDigits("99999"u8));
        Assert.Equal(0, Marc.Iso2709.Iso2709.ParseDigits("00000"u8));
        Assert.Equal(1234, Marc.Iso2709.Iso2709.ParseDigits("01234"u8));
    }

    private static int DigitByDigit(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
