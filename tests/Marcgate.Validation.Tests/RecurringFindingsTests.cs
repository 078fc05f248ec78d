using System.Text;
using Marcgate.Validation.Rules;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Findings that recur are shared between records: the same parts give the same instance, and a finding that differs
/// in any part, however little, is never answered with another's instance; a report's line is given back only for the
/// finding it was kept for.
/// </summary>
public sealed class RecurringFindingsTests
{
    private const string Message = "100 first indicator is '#'; 100 allows 0, 1, 3";

    [Fact]
    public void The_same_finding_again_is_the_same_instance()
    {
        var first = RecurringFindings.OfThread.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);
        var again = RecurringFindings.OfThread.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);

        Assert.Same(first, again);
        Assert.Equal(new ValidationDiagnostic("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1 }, first);
    }

    [Fact]
    public void A_finding_that_differs_in_any_part_is_its_own()
    {
        var variants = new List<ValidationDiagnostic>
        {
            new("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1 },
            new("VAL208", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1 },
            new("VAL203", ValidationSeverity.Warning, "100", 1, Message) { Indicator = 1 },
            new("VAL203", ValidationSeverity.Error, "110", 1, Message) { Indicator = 1 },
            new("VAL203", ValidationSeverity.Error, null, 1, Message) { Indicator = 1 },
            new("VAL203", ValidationSeverity.Error, "100", 2, Message) { Indicator = 1 },
            new("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 2 },
            new("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1, Subfield = 'a' },
            new("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1, Position = 0 },
            new("VAL203", ValidationSeverity.Error, "100", 1, Message),
        };

        // Asked in turn, twice over, each variant gets a finding equal to itself, never one of the others.
        for (var round = 0; round < 2; round++)
        {
            foreach (var want in variants)
            {
                var got = RecurringFindings.OfThread.Get(want.Id, want.Severity, want.Tag, want.Occurrence, want.Message, want.Indicator, want.Subfield, want.Position);
                Assert.Equal(want, got);
            }
        }
    }

    [Fact]
    public void A_message_with_the_same_text_but_built_again_still_gives_an_equal_finding()
    {
        var built = string.Concat("100 first indicator is '#'; ", "100 allows 0, 1, 3");
        var first = RecurringFindings.OfThread.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);
        var second = RecurringFindings.OfThread.Get("VAL203", ValidationSeverity.Error, "100", 1, built, 1, null, null);

        Assert.Equal(first, second);
        Assert.Same(built, second.Message);
    }

    [Fact]
    public void A_line_is_given_back_for_the_finding_it_was_kept_for_only()
    {
        var recurring = RecurringFindings.OfThread;
        var first = recurring.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);
        recurring.KeepLine(first, "  error VAL203 100 ind1: ...\n"u8);

        Assert.True(recurring.TryGetLine(first, out var line));
        Assert.Equal("  error VAL203 100 ind1: ...\n"u8.ToArray(), line.ToArray());

        // An equal finding that is another instance has no line: lines count by identity.
        var equal = new ValidationDiagnostic("VAL203", ValidationSeverity.Error, "100", 1, Message) { Indicator = 1 };
        Assert.False(recurring.TryGetLine(equal, out _));

        // Once a line is kept for it, the validator shares that instance.
        recurring.KeepLine(equal, "x"u8);
        Assert.Same(equal, recurring.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null));
        Assert.False(recurring.TryGetLine(first, out _));
    }

    [Fact]
    public void Lines_are_given_back_for_the_same_finding_only_when_there_are_more_than_slots()
    {
        var recurring = RecurringFindings.OfThread;
        var findings = Enumerable.Range(0, 2000).Select(i => recurring.Get("VAL203", ValidationSeverity.Error, "100", 1, $"line {i}", 1, null, null)).ToList();
        for (var i = 0; i < findings.Count; i++)
        {
            Assert.False(recurring.TryGetLine(findings[i], out _));
            recurring.KeepLine(findings[i], Encoding.UTF8.GetBytes($"line {i}\n"));
        }

        // More findings than slots: some were pushed out, and those are rendered anew; none is answered with another's line.
        var written = new StringBuilder();
        var expected = new StringBuilder();
        for (var i = findings.Count - 1; i >= 0; i--)
        {
            written.Append(recurring.TryGetLine(findings[i], out var line) ? Encoding.UTF8.GetString(line) : $"line {i}\n");
            expected.Append($"line {i}\n");
        }

        Assert.Equal(expected.ToString(), written.ToString());
        Assert.True(recurring.TryGetLine(findings[^1], out _));
    }
}
