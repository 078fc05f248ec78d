using System.Runtime.InteropServices;

namespace Marcgate.Marc;

/// <summary>
/// Keeps the records and fields a reader handed out once they are no longer used, so that reading the next
/// records fills them again instead of allocating new ones (bulk validation reads millions of fields).
/// </summary>
/// <remarks>
/// Not thread-safe: one recycler per reading thread. A record given back must not be used afterwards, nor any of
/// its fields; strings taken from them stay valid (they are never changed, only replaced).
/// Data fields read through a recycler decode their subfields on first use (see <see cref="DataField"/>): the bytes
/// the record was read from must stay unchanged until the record is given back.
/// </remarks>
public sealed class MarcRecordRecycler
{
    // Enough for a few large records; anything past it is left to the garbage collector.
    private const int MaxKept = 4096;

    private readonly Stack<MarcRecord> _records = new();
    private readonly Stack<DataField> _dataFields = new();
    private readonly Stack<ControlField> _controlFields = new();

    /// <summary>Gives back a record that is no longer used, with its fields.</summary>
    public void Return(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var field in CollectionsMarshal.AsSpan(record.Fields))
        {
            switch (field)
            {
                case DataField data when _dataFields.Count < MaxKept:
                    _dataFields.Push(data);
                    break;
                case ControlField control when _controlFields.Count < MaxKept:
                    _controlFields.Push(control);
                    break;
            }
        }

        record.Fields.Clear();
        if (_records.Count < MaxKept)
        {
            _records.Push(record);
        }
    }

    internal MarcRecord Record(Leader leader, int fieldCapacity)
    {
        if (!_records.TryPop(out var record))
        {
            return new MarcRecord(leader, fieldCapacity);
        }

        record.Leader = leader;
        record.Fields.EnsureCapacity(fieldCapacity);
        return record;
    }

    internal DataField DataField(string tag, char indicator1, char indicator2, int subfieldCapacity)
    {
        if (!_dataFields.TryPop(out var field))
        {
            return new DataField(tag, indicator1, indicator2, subfieldCapacity);
        }

        field.Tag = tag;
        field.Indicator1 = indicator1;
        field.Indicator2 = indicator2;
        field.ClearSubfields();
        return field;
    }

    internal ControlField ControlField(string tag, string value)
    {
        if (!_controlFields.TryPop(out var field))
        {
            return new ControlField(tag, value);
        }

        field.Tag = tag;
        field.Value = value;
        return field;
    }
}
