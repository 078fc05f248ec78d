using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>Which 008/18-34 layout a bibliographic record uses, from leader/06-07 (MARC 21 Bibliographic 008).</summary>
internal static class MaterialType
{
    /// <summary>The schema's material key: b books, s continuing resources, c computer files, p maps, m music, v visual materials, x mixed materials.</summary>
    public static char Of(Leader leader) => (leader.TypeOfRecord, leader.BibliographicLevel) switch
    {
        ('a', 'b' or 'i' or 's') => 's',
        ('a' or 't', _) => 'b',
        ('m', _) => 'c',
        ('e' or 'f', _) => 'p',
        ('c' or 'd' or 'i' or 'j', _) => 'm',
        ('g' or 'k' or 'o' or 'r', _) => 'v',
        ('p', _) => 'x',
        _ => 'b',
    };

    /// <summary>" for books", " for maps" …: how messages about 008/18-34 name the material.</summary>
    public static string ForName(char key) => key switch
    {
        'b' => " for books",
        's' => " for continuing resources",
        'c' => " for computer files",
        'p' => " for maps",
        'm' => " for music",
        'v' => " for visual materials",
        'x' => " for mixed materials",
        _ => " for all materials",
    };
}
