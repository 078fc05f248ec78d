using Marcgate.Marc.Formats;
using Marcgate.Validation;

namespace Marcgate.Cli.Validate;

/// <summary>The checked arguments of <c>marcgate validate</c>, or what is wrong with them.</summary>
internal sealed record ValidateRequest(ValidationLevel Level, MarcRecordKind? Kind, bool Json, IReadOnlyList<string> Files, string? Problem, MarcFormat? From = null)
{
    public static ValidateRequest Parse(string? level, string? type, string? format, string[]? files, IReadOnlyList<string> unmatched, string? from = null)
    {
        ValidateRequest Fail(string problem) => new(ValidationLevel.Full, null, false, [], problem);

        if (unmatched.Count > 0)
        {
            return Fail($"unknown argument '{unmatched[0]}'");
        }

        ValidationLevel? parsedLevel = level?.ToLowerInvariant() switch
        {
            "none" => ValidationLevel.None,
            "structure" => ValidationLevel.Structure,
            "basic" => ValidationLevel.Basic,
            "full" => ValidationLevel.Full,
            _ => null,
        };
        if (parsedLevel is null)
        {
            return Fail($"--level must be none, structure, basic or full, not '{level}'");
        }

        (bool Ok, MarcRecordKind? Kind) kind = type?.ToLowerInvariant() switch
        {
            "auto" => (true, null),
            "bib" => (true, MarcRecordKind.Bibliographic),
            "auth" => (true, MarcRecordKind.Authority),
            "holdings" => (true, MarcRecordKind.Holdings),
            _ => (false, null),
        };
        if (!kind.Ok)
        {
            return Fail($"--type must be auto, bib, auth or holdings, not '{type}'");
        }

        if (format is not ("text" or "json"))
        {
            return Fail($"--format must be text or json, not '{format}'");
        }

        if (!RecordInput.TryParseFrom(from, out var inputFormat, out var fromProblem))
        {
            return Fail(fromProblem);
        }

        if (files is null || files.Length == 0)
        {
            return Fail("no FILE given");
        }

        return new(parsedLevel.Value, kind.Kind, format == "json", files, null, inputFormat);
    }
}
