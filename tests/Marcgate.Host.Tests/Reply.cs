namespace Marcgate.Host.Tests;

/// <summary>A reply's text split as gateway §4 lays it down.</summary>
internal sealed record Reply(string HumanLine, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Tokens)
{
    public string Status => Tokens["status"];

    public string? Code => Tokens.GetValueOrDefault("code");

    public string? Action => Tokens.GetValueOrDefault("action");

    public static Reply Parse(string? text)
    {
        Assert.NotNull(text);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length >= 2, $"a reply has at least two lines: {text}");
        var tokens = lines[^1].Split(' ').Select(t => t.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var warnings = lines[1..^1];
        Assert.All(warnings, w => Assert.StartsWith("Warning: ", w, StringComparison.Ordinal));
        return new Reply(lines[0], warnings, tokens);
    }
}
