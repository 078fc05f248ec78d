namespace Marcgate.Fuzz;

/// <summary>Runs saved inputs (a finding, a corpus) through a target once each, outside the fuzzer.</summary>
internal static class Replay
{
    /// <returns>0 when every input passed, 1 when one was a finding.</returns>
    public static int Run(FuzzTarget target, IEnumerable<string> paths, TextWriter output)
    {
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]).ToList();
        var findings = 0;
        foreach (var file in files)
        {
            if (Check(target, File.ReadAllBytes(file)) is { } problem)
            {
                findings++;
                output.WriteLine($"{file}: {problem}");
            }
        }

        output.WriteLine($"{target.Name}: {files.Count} input(s) replayed, {findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }

    /// <summary>Runs one input; null when the target handled it, else the exception it let escape.</summary>
    public static Exception? Check(FuzzTarget target, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
