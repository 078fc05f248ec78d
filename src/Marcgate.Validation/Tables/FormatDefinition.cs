namespace Marcgate.Validation.Tables;

/// <summary>The rule tables of one MARC 21 format: fields, leader, 006, 007 and 008 layouts.</summary>
internal sealed class FormatDefinition
{
    private readonly Dictionary<string, FieldDefinition> _fields;

    // Three-digit tags, by number: the lookup every field of every record makes.
    private readonly FieldDefinition?[] _byNumber = new FieldDefinition?[1000];

    // "NNN is not a MARC 21 … field", by tag number: the same undefined local tags recur in every record of a file.
    private readonly string?[] _undefinedTagMessages = new string?[1000];

    public FormatDefinition(
        MarcRecordKind kind,
        FieldDefinition[] fields,
        FixedFieldDefinition leader,
        Dictionary<char, FixedFieldDefinition> field008,
        Dictionary<char, FixedFieldDefinition> field006,
        Dictionary<char, FixedFieldDefinition> field007)
    {
        Kind = kind;
        Name = kind.ToString().ToLowerInvariant();
        var all = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            all[field.Tag] = field;
        }

        // OCLC-MARC fields fill tags MARC 21 leaves undefined; MARC 21's own definition wins.
        foreach (var field in OclcTables.Fields)
        {
            all.TryAdd(field.Tag, field);
        }

        _fields = all;
        foreach (var (tag, field) in all)
        {
            if (Rules.ValidationContext.TagNumber(tag) is var number and >= 0)
            {
                _byNumber[number] = field;
            }
        }

        Leader = leader;
        Field008 = new FixedFieldLayouts(field008);
        Field006 = new FixedFieldLayouts(field006);
        Field007 = new FixedFieldLayouts(field007);
    }

    public MarcRecordKind Kind { get; }

    /// <summary>The format's name in messages: "bibliographic", "authority", "holdings".</summary>
    public string Name { get; }

    public FixedFieldDefinition Leader { get; }

    /// <summary>008 layouts by the schema's material key (b books, c computer files, p maps, m music, s continuing resources, v visual, x mixed; blank when one layout).</summary>
    public FixedFieldLayouts Field008 { get; }

    /// <summary>006 layouts by 006/00 form of material.</summary>
    public FixedFieldLayouts Field006 { get; }

    /// <summary>007 layouts by 007/00 category of material.</summary>
    public FixedFieldLayouts Field007 { get; }

    public FieldDefinition? Find(string tag) => _fields.GetValueOrDefault(tag);

    /// <summary>The definition of a tag whose number (<see cref="Rules.ValidationContext.TagNumber"/>) is known; -1 looks the tag up by name.</summary>
    public FieldDefinition? Find(int tagNumber, string tag) => tagNumber >= 0 ? _byNumber[tagNumber] : Find(tag);

    /// <summary>The message for a data field tag the format does not define (<paramref name="tagNumber"/> -1 for a tag that is not three digits).</summary>
    public string UndefinedTagMessage(int tagNumber, string tag)
    {
        if (tagNumber < 0)
        {
            return $"{tag} is not a MARC 21 {Name} field";
        }

        // Threads may race here: they store the same text, and a reference store is atomic.
        return _undefinedTagMessages[tagNumber] ??= $"{tag} is not a MARC 21 {Name} field";
    }

    public static FormatDefinition For(MarcRecordKind kind) => kind switch
    {
        MarcRecordKind.Authority => FormatTables.Authority,
        MarcRecordKind.Holdings => FormatTables.Holdings,
        _ => FormatTables.Bibliographic,
    };
}
