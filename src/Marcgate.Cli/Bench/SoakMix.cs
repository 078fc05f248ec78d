using System.Globalization;

namespace Marcgate.Cli.Bench;

/// <summary>
/// The shares of each <see cref="SoakKind"/> in a soak run, as <c>new=55,unchanged=15,overlay=15,bad-record=10,bad-logon=5</c>.
/// Request <c>i</c> gets the kind of slot <c>i mod total</c>, the slots spread so that each kind comes at an even pace.
/// </summary>
internal sealed class SoakMix
{
    private static readonly (string Name, SoakKind Kind)[] s_names =
    [
        ("new", SoakKind.New), ("unchanged", SoakKind.Unchanged), ("overlay", SoakKind.Overlay),
        ("bad-record", SoakKind.BadRecord), ("bad-logon", SoakKind.BadLogon),
    ];

    private readonly SoakKind[] _slots;

    private SoakMix(IReadOnlyDictionary<SoakKind, int> shares)
    {
        Shares = shares;
        var total = shares.Values.Sum();

        // Each kind's slots at even steps (a smooth weighted round robin), so a minute of the run holds every kind in its share.
        var credit = shares.ToDictionary(s => s.Key, _ => 0);
        _slots = new SoakKind[total];
        for (var slot = 0; slot < total; slot++)
        {
            foreach (var (kind, share) in shares)
            {
                credit[kind] += share;
            }

            var pick = credit.MaxBy(c => c.Value).Key;
            credit[pick] -= total;
            _slots[slot] = pick;
        }
    }

    public const string Default = "new=55,unchanged=15,overlay=15,bad-record=10,bad-logon=5";

    public IReadOnlyDictionary<SoakKind, int> Shares { get; }

    public SoakKind KindOf(long index) => _slots[index % _slots.Length];

    public static string NameOf(SoakKind kind) => s_names.First(n => n.Kind == kind).Name;

    /// <summary>Reads <c>NAME=SHARE,…</c>; a kind left out has no share. Null, with the reason, when the text does not read.</summary>
    public static SoakMix? TryParse(string text, out string problem)
    {
        var shares = new Dictionary<SoakKind, int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, "");
            var known = s_names.Where(n => n.Name == name).Select(n => (SoakKind?)n.Kind).FirstOrDefault();
            if (known is not { } kind)
            {
                problem = $"'{name}' is not a kind of request; the kinds are {string.Join(", ", s_names.Select(n => n.Name))}";
                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var share) || share > 1000)
            {
                problem = $"the share of {name} must be a whole number from 0 to 1000, not '{value}'";
                return null;
            }

            if (!shares.TryAdd(kind, share))
            {
                problem = $"{name} is given twice";
                return null;
            }
        }

        foreach (var kind in shares.Where(s => s.Value == 0).Select(s => s.Key).ToList())
        {
            shares.Remove(kind);
        }

        if (shares.Count == 0)
        {
            problem = "no kind has a share above 0";
            return null;
        }

        problem = "";
        return new SoakMix(shares);
    }
}
