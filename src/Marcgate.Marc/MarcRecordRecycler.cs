using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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

    // Stacks of slots (structs holding a reference): a store into them needs no array element-type check, which a
    // Stack<T> of reference types makes for every push.
    private readonly Pool<MarcRecord> _records = new();
    private readonly Pool<DataField> _dataFields = new();
    private readonly Pool<ControlField> _controlFields = new();

    /// <summary>Gives back a record that is no longer used, with its fields.</summary>
    public void Return(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var field in CollectionsMarshal.AsSpan(record.Fields))
        {
            switch (field)
            {
                case DataField data:
                    _dataFields.Push(data);
                    break;
                case ControlField control:
                    _controlFields.Push(control);
                    break;
            }
        }

        record.Fields.Clear();
        _records.Push(record);
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

    private sealed class Pool<T>
        where T : class
    {
        private Slot[] _items = new Slot[64];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(T item)
        {
            if (_count == _items.Length)
            {
                if (_count >= MaxKept)
                {
                    return;
                }

                Array.Resize(ref _items, _count * 2);
            }

            _items[_count++].Item = item;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryPop([NotNullWhen(true)] out T? item)
        {
            if (_count == 0)
            {
                item = null;
                return false;
            }

            // The slot lets go of the item: a record kept by its reader must not be held here too.
            ref var slot = ref _items[--_count];
            item = slot.Item!;
            slot.Item = null;
            return true;
        }

        private struct Slot
        {
            public T? Item;
        }
    }
}
