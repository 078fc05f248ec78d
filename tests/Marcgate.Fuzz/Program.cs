using Marcgate.Fuzz;
using SharpFuzz;

// marcgate-fuzz: coverage-guided fuzzing targets for the parsers that read bytes from outside (see README.md).
var usage = """
    usage: Marcgate.Fuzz list
           Marcgate.Fuzz run TARGET                 under libFuzzer (bench/fuzz.sh starts it through the driver)
           Marcgate.Fuzz replay TARGET PATH...      each file (or every file of a folder) once; exit 1 on a finding
           Marcgate.Fuzz measure TARGET FILE        bytes allocated for the file, and for it repeated (linear or not)
           Marcgate.Fuzz seeds TARGET DIR           write the target's seed corpus into DIR
    """;

// Outside the fuzzer the instrumented assemblies (bench/fuzz.sh instruments them in place) still count edges: into a map
// of their own that nobody reads.
if (args is not ["run", _])
{
    unsafe
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        }
    }
}

if (args is ["list"])
{
    foreach (var t in FuzzTargets.All)
    {
        Console.WriteLine($"{t.Name,-16} {t.Description}");
    }

    return 0;
}

if (args.Length < 2 || !FuzzTargets.Names.Contains(args[1]))
{
    Console.Error.WriteLine(args.Length >= 2 ? $"unknown target '{args[1]}'; targets: {string.Join(", ", FuzzTargets.Names)}" : usage);
    return 2;
}

if (args is ["run", var name])
{
    // The target is made inside the first run: nothing instrumented may execute before SharpFuzz maps the edge map.
    FuzzTarget? running = null;
    Fuzzer.LibFuzzer.Run(span => (running ??= FuzzTargets.Find(name)!).Run(span));
    return 0;
}

var target = FuzzTargets.Find(args[1])!;
switch (args[0])
{
    case "replay" when args.Length > 2:
        return Replay.Run(target, args[2..], Console.Out);
    case "measure" when args.Length == 3:
        // How allocation grows with the input: the file as it is, then repeated twice and four times.
        var bytes = File.ReadAllBytes(args[2]);
        foreach (var times in new[] { 1, 2, 4 })
        {
            var input = Enumerable.Repeat(bytes, times).SelectMany(b => b).ToArray();
            target.Measure(input);
            Console.WriteLine($"{input.Length,9:N0} bytes in: {target.Measure(input),13:N0} bytes allocated (budget {AllocationBudget.For(input.Length, target.AllocationPerInputByte):N0})");
        }

        return 0;
    case "seeds" when args.Length == 3:
        Directory.CreateDirectory(args[2]);
        var count = 0;
        foreach (var (_, input) in SeedCorpus.Seeds(target, SeedCorpus.FindRepoRoot()))
        {
            File.WriteAllBytes(Path.Combine(args[2], $"seed-{count++:D5}"), input);
        }

        Console.WriteLine($"{count} seeds for {target.Name} in {args[2]}");
        return 0;
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
