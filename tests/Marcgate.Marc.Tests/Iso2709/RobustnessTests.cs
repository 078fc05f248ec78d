using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>
/// Damaged input never throws and never loops: every <see cref="Iso2709Reader.Read"/> that returns a
/// result consumes at least one byte, so a reader stops after at most (input length + 1) calls.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly byte[] s_probes = [0x00, 0x1D, 0x1E, 0x1F, (byte)'9', 0xC3];

    [Theory]
    [InlineData("valid/summerland.mrc")]
    [InlineData("valid/marc8.dat")]
    public void Every_single_byte_corruption_of_a_small_record_is_handled(string file)
    {
        var original = File.ReadAllBytes(TestFiles.Marc(file));
        foreach (var probe in s_probes)
        {
            for (var at = 0; at < original.Length; at++)
            {
                if (original[at] == probe)
                {
                    continue;
                }

                var mutated = (byte[])original.Clone();
                mutated[at] = probe;
                ReadCompletely(mutated, MarcReaderOptions.Default);
                ReadCompletely(mutated, MarcReaderOptions.StrictDefault);
            }
        }
    }

    [Fact]
    public void Every_truncation_of_a_two_record_file_is_handled()
    {
        var original = File.ReadAllBytes(TestFiles.Marc("valid/chabon.mrc"));
        var first = int.Parse(System.Text.Encoding.ASCII.GetString(original, 0, 5), System.Globalization.CultureInfo.InvariantCulture);
        for (var length = 0; length <= original.Length; length++)
        {
            var results = ReadCompletely(original[..length], MarcReaderOptions.Default);
            var complete = length >= original.Length ? 2 : length >= first ? 1 : 0;
            Assert.True(results.Count(r => r.Diagnostics.Count == 0) >= complete, $"length {length}");
        }
    }

    [Fact]
    public void Random_bytes_biased_to_structure_are_handled()
    {
        var random = new Random(2709);
        byte[] alphabet = [.. "0123456789 abc"u8, 0x1D, 0x1E, 0x1F, 0x1A, 0x80, 0xE2];
        for (var round = 0; round < 400; round++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }

            // Plausible leaders make the parser go deep instead of failing at the first byte.
            for (var at = 0; at + 24 < bytes.Length; at += random.Next(24, 600))
            {
                "00500nam a2200097 a 4500"u8.CopyTo(bytes.AsSpan(at));
            }

            ReadCompletely(bytes, MarcReaderOptions.Default);
        }
    }

    [Fact]
    public void Random_damage_to_a_bulk_file_keeps_every_undamaged_record()
    {
        var original = File.ReadAllBytes(TestFiles.Marc("valid/100.mrc"));
        var random = new Random(99);
        for (var round = 0; round < 30; round++)
        {
            var mutated = (byte[])original.Clone();
            for (var flips = random.Next(1, 20); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = s_probes[random.Next(s_probes.Length)];
            }

            var results = ReadCompletely(mutated, MarcReaderOptions.Default);
            Assert.InRange(results.Count, 80, 140);
        }
    }

    [Fact]
    public void A_directory_of_thousands_of_garbage_entries_is_bounded_work()
    {
        // 8,000 entries pointing nowhere over 8,000 one-byte fields: every entry goes through recovery.
        const int Entries = 8_000;
        var record = new List<byte>("00000nam a2200000 a 4500"u8.ToArray());
        for (var i = 0; i < Entries; i++)
        {
            record.AddRange(System.Text.Encoding.ASCII.GetBytes($"245{(i % 9) + 2:D4}{(i * 7919) % 99_999:D5}"));
        }

        record.Add(0x1E);
        for (var i = 0; i < Entries; i++)
        {
            record.AddRange("1\x1E"u8.ToArray());
        }

        record.Add(0x1D);
        var results = ReadCompletely([.. record], MarcReaderOptions.Default with { MaxRecordBytes = 1 << 20 });

        var result = Assert.Single(results);
        Assert.True(result.HasErrors);
        Assert.NotNull(result.Record);
    }

    private static List<MarcReadResult> ReadCompletely(byte[] bytes, MarcReaderOptions options)
    {
        var results = new List<MarcReadResult>();
        using var reader = new Iso2709Reader(new MemoryStream(bytes), options);
        var consumed = -1L;
        for (var calls = 0; calls <= bytes.Length + 1; calls++)
        {
            var result = reader.Read();
            if (result is null)
            {
                Assert.Equal(bytes.Length, reader.BytesConsumed);
                Assert.All(reader.EndDiagnostics, d => Assert.InRange(d.ByteOffset, 0, bytes.Length));
                return results;
            }

            Assert.True(reader.BytesConsumed > consumed, "a read must consume input");
            consumed = reader.BytesConsumed;
            Assert.All(result.Diagnostics, d =>
            {
                Assert.Equal(result.RecordNumber, d.RecordNumber);
                Assert.InRange(d.ByteOffset, 0, bytes.Length);
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            });
            if (options.Mode == MarcReadMode.Strict)
            {
                Assert.Equal(result.Record is null, result.HasErrors);
            }

            results.Add(result);
        }

        Assert.Fail("the reader did not reach the end of the input");
        return results;
    }
}
