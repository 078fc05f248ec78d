using System.Diagnostics;
using System.Text.RegularExpressions;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Agreement with MARC::Lint (Debian libmarc-lint-perl, run through bench/marclint-records.pl) on the test
/// bibliographic corpus: for the checks both tools make, every finding one reports and the other does not
/// must be listed, with its reason, in docs/validation.md ("Differences from MARC::Lint").
/// </summary>
public sealed partial class LintAgreementTests
{
    // Authority files: MARC::Lint knows only the bibliographic format.
    private static readonly string[] s_skipped = ["auth-subset100.mrc", "authority-record.mrc"];

    [Fact]
    public void Every_difference_from_marc_lint_is_documented()
    {
        var documented = DocumentedDifferences();
        var undocumented = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var agreed = 0;
        var files = CorpusFiles().ToList();
        var (lintByFile, stops) = LintFindings(files);
        foreach (var path in files)
        {
            var lint = lintByFile.GetValueOrDefault(path) ?? [];
            var stop = stops.GetValueOrDefault(path, long.MaxValue);
            var ours = OurFindings(path).Where(f => f.Record < stop).ToHashSet();
            agreed += lint.Intersect(ours).Count();
            foreach (var (side, only) in new[] { ("lint-only", lint.Except(ours)), ("ours-only", ours.Except(lint)) })
            {
                foreach (var finding in only)
                {
                    var key = $"{side} {finding.Category} {finding.Tag}{(finding.Detail.Length > 0 ? " " + finding.Detail : "")}";
                    if (!documented.Contains(key))
                    {
                        undocumented[key] = undocumented.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        Assert.True(agreed > 1000, $"only {agreed} findings in common; is MARC::Lint running?");
        Assert.True(undocumented.Count == 0, "differences from MARC::Lint not listed in docs/validation.md:\n" + string.Join("\n", undocumented.Select(u => $"`{u.Key}` ({u.Value})")));
    }

    private static IEnumerable<string> CorpusFiles() =>
        TestFiles.Iso2709Files("valid").Where(p => !s_skipped.Contains(Path.GetFileName(p)));

    private static HashSet<string> DocumentedDifferences()
    {
        var doc = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "docs", "validation.md"));
        return [.. DocumentedKey().Matches(doc).Select(m => m.Groups[1].Value)];
    }

    private static (Dictionary<string, HashSet<Finding>> Findings, Dictionary<string, long> Stops) LintFindings(IReadOnlyList<string> paths)
    {
        var start = new ProcessStartInfo("perl", [Path.Combine(TestFiles.RepoRoot, "bench", "marclint-records.pl"), .. paths])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var perl = Process.Start(start) ?? throw new InvalidOperationException("perl did not start (install perl and libmarc-lint-perl)");
        _ = perl.StandardError.ReadToEndAsync();
        var output = perl.StandardOutput.ReadToEnd();
        perl.WaitForExit();
        Assert.True(perl.ExitCode == 0, "bench/marclint-records.pl failed (is libmarc-lint-perl installed?)");
        var findings = new Dictionary<string, HashSet<Finding>>(StringComparer.Ordinal);
        var stops = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 3);
            if (parts[1] == "STOP")
            {
                // MARC::Record could not decode this record; compare only the records before it.
                stops[parts[0]] = long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            if (LintFinding(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]) is { } finding)
            {
                if (!findings.TryGetValue(parts[0], out var set))
                {
                    findings[parts[0]] = set = [];
                }

                set.Add(finding);
            }
        }

        return (findings, stops);
    }

    // MARC::Lint's messages (Lint.pm, check_record and check_xxx) mapped to the checks both tools make.
    private static Finding? LintFinding(long record, string message)
    {
        var tag = message.Length >= 3 ? message[..3] : "";
        if (message.StartsWith("1XX: Only one 1XX", StringComparison.Ordinal))
        {
            return new(record, "1XX", "main-entries", "");
        }

        if (IndicatorMessage().Match(message) is { Success: true } indicator)
        {
            return new(record, tag, "indicator", "ind" + indicator.Groups[1].Value);
        }

        if (SubfieldMessage().Match(message) is { Success: true } subfield)
        {
            return new(record, tag, subfield.Groups[2].Value == "allowed" ? "subfield-undefined" : "subfield-not-repeatable", "$" + subfield.Groups[1].Value);
        }

        return message switch
        {
            _ when message.EndsWith("Field is not repeatable.", StringComparison.Ordinal) => new(record, tag, "field-not-repeatable", ""),
            "245: No 245 tag." => new(record, "245", "missing", ""),
            "880: No subfield 6." => new(record, "880", "linkage", ""),
            _ when message.Contains("invalid control character", StringComparison.Ordinal) => new(record, tag, "control-character", ""),
            _ when tag == "020" => new(record, "020", "isbn", ""),
            _ when tag is "041" or "043" => new(record, tag, "code", ""),
            _ when message.Contains("may be an article", StringComparison.Ordinal) || message.Contains("does not appear to be an article", StringComparison.Ordinal) || message.Contains("Non-filing indicator", StringComparison.Ordinal) => new(record, tag, "article", ""),
            _ when tag == "245" => new(record, "245", "punctuation", ""),
            _ => new(record, tag, "other", ""),
        };
    }

    private static HashSet<Finding> OurFindings(string path)
    {
        var findings = new HashSet<Finding>();
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(path)))
        {
            if (result.Record is null)
            {
                continue;
            }

            foreach (var d in MarcValidator.Instance.Validate(result.Record, ValidationLevel.Full))
            {
                if (OurFinding(result.RecordNumber, d) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }

    private static Finding? OurFinding(long record, ValidationDiagnostic d)
    {
        // An 880 is reported as 880 but checked by its linked tag's rules, as Lint does.
        var tag = d.Tag == "880" && LinkedTag().Match(d.Message) is { Success: true } linked ? linked.Groups[1].Value : d.Tag ?? "";
        return d.Id switch
        {
            ValidationDiagnosticIds.MainEntryRepeated => new(record, "1XX", "main-entries", ""),
            ValidationDiagnosticIds.IndicatorMalformed or ValidationDiagnosticIds.IndicatorUndefined => new(record, tag, "indicator", $"ind{d.Indicator}"),
            ValidationDiagnosticIds.SubfieldUndefined => new(record, tag, "subfield-undefined", $"${d.Subfield}"),

            // An obsolete indicator value or subfield code is a warning here and an error in Lint: both tools flag it.
            ValidationDiagnosticIds.Obsolete when d.Indicator is { } which => new(record, tag, "indicator", $"ind{which}"),
            ValidationDiagnosticIds.Obsolete when d.Subfield is { } code => new(record, tag, "subfield-undefined", $"${code}"),
            ValidationDiagnosticIds.SubfieldNotRepeatable => new(record, tag, "subfield-not-repeatable", $"${d.Subfield}"),
            ValidationDiagnosticIds.FieldNotRepeatable => new(record, tag, "field-not-repeatable", ""),
            ValidationDiagnosticIds.RequiredFieldMissing when tag == "245" => new(record, "245", "missing", ""),
            ValidationDiagnosticIds.LinkageInvalid when d.Message.Contains("no $6", StringComparison.Ordinal) => new(record, "880", "linkage", ""),
            ValidationDiagnosticIds.SyntaxInvalid when d.Message.Contains("control character", StringComparison.Ordinal) => new(record, tag, "control-character", ""),
            ValidationDiagnosticIds.CheckDigitInvalid or ValidationDiagnosticIds.SyntaxInvalid when tag == "020" => new(record, "020", "isbn", ""),
            ValidationDiagnosticIds.CodeNotInList or ValidationDiagnosticIds.CodeObsolete or ValidationDiagnosticIds.SyntaxInvalid when tag is "041" or "043" => new(record, tag, "code", ""),
            ValidationDiagnosticIds.NonfilingDisagrees => new(record, tag, "article", ""),
            _ => null,
        };
    }

    [GeneratedRegex(@"^\d{3}: Indicator (\d) must be")]
    private static partial Regex IndicatorMessage();

    [GeneratedRegex(@"^\d{3}: Subfield _(.) is not (allowed|repeatable)")]
    private static partial Regex SubfieldMessage();

    [GeneratedRegex(@"^880 \(for (\d{3})\)")]
    private static partial Regex LinkedTag();

    [GeneratedRegex(@"`((?:lint|ours)-only [^`]+)`")]
    private static partial Regex DocumentedKey();

    private sealed record Finding(long Record, string Tag, string Category, string Detail);
}
