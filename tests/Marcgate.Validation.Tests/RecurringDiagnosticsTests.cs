using Marcgate.Validation.Rules;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Findings that recur are shared between records: the same parts give the same instance, and a finding that differs
/// in any part, however little, is never answered with another's instance.
/// </summary>
public sealed class RecurringDiagnosticsTests
{
    private const string Message = "100 first indicator is '#'; 100 allows 0, 1, 3";

    [Fact]
    public void The_same_finding_again_is_the_same_instance()
    {
        var first = RecurringDiagnostics.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);
        var again = RecurringDiagnostics.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);

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
                var got = RecurringDiagnostics.Get(want.Id, want.Severity, want.Tag, want.Occurrence, want.Message, want.Indicator, want.Subfield, want.Position);
                Assert.Equal(want, got);
            }
        }
    }

    [Fact]
    public void A_message_with_the_same_text_but_built_again_still_gives_an_equal_finding()
    {
        var built = string.Concat("100 first indicator is '#'; ", "100 allows 0, 1, 3");
        var first = RecurringDiagnostics.Get("VAL203", ValidationSeverity.Error, "100", 1, Message, 1, null, null);
        var second = RecurringDiagnostics.Get("VAL203", ValidationSeverity.Error, "100", 1, built, 1, null, null);

        Assert.Equal(first, second);
        Assert.Same(built, second.Message);
    }
}
