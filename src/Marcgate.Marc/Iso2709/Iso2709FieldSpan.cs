namespace Marcgate.Marc.Iso2709;

/// <summary>Where one field's data lies in the data area: start and length without its field terminator.</summary>
internal readonly record struct Iso2709FieldSpan(int EntryIndex, int Start, int Length);
