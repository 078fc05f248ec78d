using System.Text;

namespace Marcgate.Cli.Tests;

/// <summary>Files that are not MARC, made by the tests: what users hand over by mistake.</summary>
internal static class NotMarcSamples
{
    /// <summary>Writes each sample into <paramref name="directory"/>; returns its path and the phrase the refusal must contain.</summary>
    public static IReadOnlyList<(string Path, string Looks)> Write(string directory)
    {
        var random = new byte[4096];
        new Random(2709).NextBytes(random);

        // A JFIF header, then bytes that happen to hold record and field terminators, as real photos do.
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01 }
            .Concat(Encoding.ASCII.GetBytes("00123nam  2200049 a 4500")).Concat(new byte[] { 0x1E, 0x1D, 0x1F, 0x00, 0x1D }).Concat(random.Take(512)).ToArray();
        var samples = new (string Name, byte[] Bytes, string Looks)[]
        {
            ("photo.jpg", jpeg, "a JPEG image"),
            ("page.html", Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>Catalogue</title></head><body><p>00123nam</p></body></html>\n"), "an HTML page"),
            ("random.mrc", random, "binary data"),
            ("empty.mrc", [], "it is empty"),
            ("notes.txt", Encoding.UTF8.GetBytes("hello\nthese are not records, only notes\n"), "plain text"),
        };
        var written = new List<(string, string)>();
        foreach (var (name, bytes, looks) in samples)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, bytes);
            written.Add((path, looks));
        }

        return written;
    }
}
