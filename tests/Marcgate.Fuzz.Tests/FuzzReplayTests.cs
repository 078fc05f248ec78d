namespace Marcgate.Fuzz.Tests;

/// <summary>Every seed and every kept finding goes through its target on each test run, as the fuzzer would run it.</summary>
public sealed class FuzzReplayTests
{
    private static readonly string s_root = SeedCorpus.FindRepoRoot();

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    public static TheoryData<string, string> RegressionFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in SeedCorpus.Regressions(target, s_root))
            {
                data.Add(target.Name, Path.GetRelativePath(s_root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegressionFiles))]
    public void A_kept_finding_is_handled(string target, string file)
    {
        var problem = Replay.Check(FuzzTargets.Find(target)!, File.ReadAllBytes(Path.Combine(s_root, file)));
        Assert.True(problem is null, $"{file}: {problem}");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_is_handled(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = SeedCorpus.Seeds(target, s_root).ToList();
        Assert.NotEmpty(seeds);
        var problems = seeds.Select(s => (s.Name, Problem: Replay.Check(target, s.Input))).Where(p => p.Problem is not null).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Select(p => $"{p.Name}: {p.Problem}")));
    }

    [Fact]
    public void Every_regression_folder_names_a_target()
    {
        var folder = Path.Combine(s_root, SeedCorpus.ProjectFolder, "regressions");
        Assert.True(Directory.Exists(folder), $"{folder} is missing");
        foreach (var dir in Directory.EnumerateDirectories(folder))
        {
            Assert.Contains(Path.GetFileName(dir), FuzzTargets.Names);
            Assert.NotEmpty(Directory.EnumerateFiles(dir));
        }
    }

    [Fact]
    public void The_names_are_the_targets()
    {
        Assert.Equal(FuzzTargets.Names, FuzzTargets.All.Select(t => t.Name));
    }
}
