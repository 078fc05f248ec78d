using System.Runtime.InteropServices;

namespace Marcgate.Marc;

/// <summary>
/// A MARC 21 record: a leader and its fields in the order they were read (real Connexion exports
/// are not in tag order, and that order is kept).
/// </summary>
/// <remarks>
/// Field values are strings. When leader/09 is <c>a</c> they hold Unicode text; when it is blank
/// they hold MARC-8 bytes one character per byte (U+0000-U+00FF), so a MARC-8 record reads and
/// writes back byte for byte. the MARC-8 converter in <c>Marcgate.Marc.Charset</c> moves a record between the two.
/// </remarks>
public sealed class MarcRecord
{
    /// <summary>Creates a record with the given leader (a default bibliographic leader when null).</summary>
    public MarcRecord(Leader? leader = null, IEnumerable<MarcField>? fields = null)
    {
        Leader = leader ?? Leader.CreateDefault();
        Fields = fields is null ? [] : [.. fields];
    }

    // The reader's path: the field count is known from the directory.
    internal MarcRecord(Leader leader, int fieldCapacity)
    {
        Leader = leader;
        Fields = new List<MarcField>(fieldCapacity);
    }

    /// <summary>The leader; the writer recomputes length and base address.</summary>
    public Leader Leader { get; set; }

    /// <summary>Control and data fields in record order.</summary>
    public List<MarcField> Fields { get; }

    /// <summary>The first field with this tag, or null.</summary>
    public MarcField? this[string tag] => Fields.Find(f => f.Tag == tag);

    /// <summary>Every field with this tag, in order.</summary>
    public IEnumerable<MarcField> GetFields(string tag) => Fields.Where(f => f.Tag == tag);

    /// <summary>Every data field with this tag, in order.</summary>
    public IEnumerable<DataField> GetDataFields(string tag) => Fields.OfType<DataField>().Where(f => f.Tag == tag);

    /// <summary>The value of the first control field with this tag, or null.</summary>
    public string? GetControlValue(string tag)
    {
        // A loop rather than Find: no closure to allocate for every record a report names by its 001.
        foreach (var field in CollectionsMarshal.AsSpan(Fields))
        {
            if (field.Tag == tag)
            {
                return (field as ControlField)?.Value;
            }
        }

        return null;
    }

    /// <summary>A deep copy of this record.</summary>
    public MarcRecord Clone() => new(Leader.Clone(), Fields.Select(f => f.Clone()));
}
