using Marcgate.Marc;

namespace Marcgate.Cli;

/// <summary>What <c>marcgate count</c> learned about one file: records, rejections and diagnostics by ID.</summary>
internal sealed class CountTally
{
    private readonly SortedDictionary<string, int> _byId = new(StringComparer.Ordinal);
    private bool _endedInError;

    public long Records { get; private set; }

    public long Rejected { get; private set; }

    public long WithErrors { get; private set; }

    /// <summary>True when a record was rejected or had errors, or the input ended in error.</summary>
    public bool Failed => Rejected > 0 || WithErrors > 0 || _endedInError;

    /// <summary>Adds one read result (<paramref name="accepted"/> null for diagnostics after the last record).</summary>
    public void Add(bool? accepted, IReadOnlyList<MarcDiagnostic> diagnostics, string file, TextWriter error)
    {
        if (accepted == true)
        {
            Records++;
        }
        else if (accepted == false)
        {
            Rejected++;
        }

        var hasError = false;
        foreach (var diagnostic in diagnostics)
        {
            _byId[diagnostic.Id] = _byId.GetValueOrDefault(diagnostic.Id) + 1;
            if (diagnostic.Severity == MarcSeverity.Error)
            {
                hasError = true;
                error.WriteLine($"{file}: {diagnostic}");
            }
        }

        if (hasError && accepted == true)
        {
            WithErrors++;
        }

        _endedInError |= hasError && accepted is null;
    }

    /// <summary>Empty when nothing was found, else a tab and e.g. "2 rejected, 1 with errors; MARC009×3 MARC019×7".</summary>
    public string Summary()
    {
        if (_byId.Count == 0 && Rejected == 0)
        {
            return string.Empty;
        }

        return $"\t{Rejected} rejected, {WithErrors} with errors; " + string.Join(' ', _byId.Select(p => $"{p.Key}×{p.Value}"));
    }
}
