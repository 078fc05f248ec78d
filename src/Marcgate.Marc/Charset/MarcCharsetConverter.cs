using System.Text;

namespace Marcgate.Marc.Charset;

/// <summary>
/// Moves records and strings between MARC-8 (leader/09 blank) and Unicode (leader/09 <c>a</c>),
/// following the LoC MARC-8 code tables; Unicode output is NFC.
/// </summary>
/// <remarks>
/// By default the EACC codes added by Innovative Interfaces' Millennium ILS (<c>7F2014</c> em dash
/// and five more) are decoded too: they occur in real exports, no standard code uses those bytes,
/// and MARC::Charset reads them. They are not MARC 21, so the encoder never writes them.
/// </remarks>
public static partial class MarcCharsetConverter
{

    private static readonly Lazy<bool> s_canNormalize = new(() => "e\u0301".Normalize(NormalizationForm.FormC) == "\u00E9");

    /// <summary>
    /// True when the runtime can normalize text (ICU loaded). With <c>InvariantGlobalization</c> on,
    /// .NET's normalization does nothing and MARC-8 conversion output stays decomposed, not NFC.
    /// </summary>
    public static bool CanNormalize => s_canNormalize.Value;

    /// <summary>Converts a record to Unicode: a new record with leader/09 <c>a</c> and NFC values.</summary>
    /// <param name="record">A MARC-8 record (values hold bytes as U+0000-U+00FF) or a Unicode one.</param>
    /// <param name="diagnostics">Receives <see cref="MarcDiagnosticIds.Marc8Invalid"/> and <see cref="MarcDiagnosticIds.Utf8UnderMarc8Leader"/> findings.</param>
    /// <param name="recordNumber">The record's number in its input, for diagnostics.</param>
    /// <param name="innovativeCharacters">Decode the Innovative Interfaces EACC additions (otherwise they are undefined codes).</param>
    public static MarcRecord ToUnicode(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0, bool innovativeCharacters = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        var leader = record.Leader.Clone();
        leader.CharacterCodingScheme = 'a';
        if (record.Leader.IsUnicode)
        {
            return new MarcRecord(leader, record.Fields.Select(f => MapValues(f, Nfc)));
        }

        if (LooksLikeUtf8(record))
        {
            diagnostics?.Add(Utf8UnderMarc8Leader(recordNumber));
            return new MarcRecord(leader, record.Fields.Select(f => MapValues(f, v => Nfc(Utf8FromBytes(v)))));
        }

        var problems = diagnostics is null ? null : new List<Marc8Problem>();
        var fields = new List<MarcField>(record.Fields.Count);
        foreach (var field in record.Fields)
        {
            fields.Add(DecodeField(field, innovativeCharacters, problems, diagnostics, recordNumber));
        }

        return new MarcRecord(leader, fields);
    }

    /// <summary>
    /// Reports what <see cref="ToUnicode"/> would report of a record (<see cref="MarcDiagnosticIds.Marc8Invalid"/>,
    /// <see cref="MarcDiagnosticIds.Utf8UnderMarc8Leader"/>) without keeping a converted record: what validation says of a
    /// MARC-8 record it reads as it is. Fields of printable ASCII, which decode to themselves, are skipped, and no text is
    /// made for the others.
    /// </summary>
    internal static void ReportMarc8Problems(MarcRecord record, List<MarcDiagnostic> diagnostics, long recordNumber, bool innovativeCharacters = true)
    {
        if (record.Leader.IsUnicode)
        {
            return;
        }

        List<MarcField>? outside = null;
        foreach (var field in record.Fields)
        {
            var needsDecoding = field is ControlField control
                ? control.Value.AsSpan().ContainsAnyExceptInRange(' ', '~')
                : new IndexedSubfields((DataField)field).AnyOutsidePrintableAscii();
            if (needsDecoding)
            {
                (outside ??= []).Add(field);
            }
        }

        if (outside is null)
        {
            return;
        }

        if (LooksLikeUtf8(record))
        {
            diagnostics.Add(Utf8UnderMarc8Leader(recordNumber));
            return;
        }

        var problems = new List<Marc8Problem>();
        Span<char> buffer = stackalloc char[512];
        foreach (var field in outside)
        {
            // MARC 21: every field starts with ASCII as G0 and ANSEL as G1; designations hold to the field's end.
            var designations = Marc8Designations.Default;
            if (field is ControlField control)
            {
                Marc8Decoder.Check(control.Value, ref designations, innovativeCharacters, problems);
                Report(problems, diagnostics, recordNumber, $"field {field.Tag}, byte ", " of its data");
                continue;
            }

            var subfields = new IndexedSubfields((DataField)field);
            for (var i = 0; i < subfields.Count; i++)
            {
                Marc8Decoder.Check(subfields.Value(i, buffer), ref designations, innovativeCharacters, problems);
                if (problems.Count > 0)
                {
                    Report(problems, diagnostics, recordNumber, $"field {field.Tag} ${subfields.Code(i)}, byte ", " of the subfield");
                }
            }
        }
    }

    /// <summary>
    /// Converts a MARC-8 record to Unicode in place, for a caller that owns the record and drops the
    /// original (the batch converter): fields and subfields whose value decodes to itself are kept as
    /// they are rather than copied. Same output and diagnostics as <see cref="ToUnicode"/>.
    /// </summary>
    internal static void ToUnicodeInPlace(MarcRecord record, List<MarcDiagnostic>? diagnostics, long recordNumber, bool innovativeCharacters = true)
    {
        if (record.Leader.IsUnicode)
        {
            var unicode = ToUnicode(record, diagnostics, recordNumber, innovativeCharacters);
            record.Leader = unicode.Leader;
            record.Fields.Clear();
            record.Fields.AddRange(unicode.Fields);
            return;
        }

        var utf8 = LooksLikeUtf8(record);
        var leader = record.Leader.Clone();
        leader.CharacterCodingScheme = 'a';
        if (utf8)
        {
            diagnostics?.Add(Utf8UnderMarc8Leader(recordNumber));
        }

        var problems = diagnostics is null ? null : new List<Marc8Problem>();
        foreach (var field in record.Fields)
        {
            if (utf8)
            {
                MapValuesInPlace(field, static v => Nfc(Utf8FromBytes(v)));
            }
            else
            {
                DecodeFieldInPlace(field, innovativeCharacters, problems, diagnostics, recordNumber);
            }
        }

        record.Leader = leader;
    }

    /// <summary>Converts a record to MARC-8: a new record with leader/09 blank; characters MARC-8 lacks become <c>&amp;#xXXXX;</c>.</summary>
    public static MarcRecord ToMarc8(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Leader.IsUnicode)
        {
            return record.Clone();
        }

        var leader = record.Leader.Clone();
        leader.CharacterCodingScheme = ' ';
        return new MarcRecord(leader, record.Fields.Select(f => MapValues(f, Marc8Encoder.Encode)));
    }

    /// <summary>Decodes one MARC-8 value (bytes as U+0000-U+00FF, e.g. a subfield of a MARC-8 record) to NFC Unicode.</summary>
    public static string Marc8ToUnicode(string marc8, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0, bool innovativeCharacters = true)
    {
        ArgumentNullException.ThrowIfNull(marc8);
        var designations = Marc8Designations.Default;
        var problems = diagnostics is null ? null : new List<Marc8Problem>();
        var text = Marc8Decoder.Decode(marc8, ref designations, innovativeCharacters, problems);
        Report(problems, diagnostics, recordNumber, "byte ", string.Empty);
        return text;
    }

    /// <summary>Decodes MARC-8 bytes to NFC Unicode.</summary>
    public static string Marc8ToUnicode(ReadOnlySpan<byte> marc8, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0, bool innovativeCharacters = true) =>
        Marc8ToUnicode(Encoding.Latin1.GetString(marc8), diagnostics, recordNumber, innovativeCharacters);

    /// <summary>Encodes Unicode text as MARC-8, one char per byte (U+0000-U+00FF), ending in the default sets.</summary>
    public static string UnicodeToMarc8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Marc8Encoder.Encode(text);
    }

    /// <summary>Encodes Unicode text as MARC-8 bytes.</summary>
    public static byte[] UnicodeToMarc8Bytes(string text) => Encoding.Latin1.GetBytes(UnicodeToMarc8(text));

    private static MarcField DecodeField(MarcField field, bool innovative, List<Marc8Problem>? problems, List<MarcDiagnostic>? diagnostics, long recordNumber)
    {
        // MARC 21: every field starts with ASCII as G0 and ANSEL as G1; designations hold to the field's end.
        var designations = Marc8Designations.Default;
        if (field is ControlField control)
        {
            var value = Marc8Decoder.Decode(control.Value, ref designations, innovative, problems);
            if (problems is { Count: > 0 })
            {
                Report(problems, diagnostics, recordNumber, $"field {field.Tag}, byte ", " of its data");
            }

            return new ControlField(field.Tag, value);
        }

        var data = (DataField)field;
        var result = new DataField(data.Tag, data.Indicator1, data.Indicator2);
        result.Subfields.Capacity = data.Subfields.Count;
        foreach (var subfield in data.Subfields)
        {
            var value = Marc8Decoder.Decode(subfield.Value, ref designations, innovative, problems);
            if (problems is { Count: > 0 })
            {
                Report(problems, diagnostics, recordNumber, $"field {field.Tag} ${subfield.Code}, byte ", " of the subfield");
            }

            result.Subfields.Add(new Subfield(subfield.Code, value));
        }

        return result;
    }

    private static void DecodeFieldInPlace(MarcField field, bool innovative, List<Marc8Problem>? problems, List<MarcDiagnostic>? diagnostics, long recordNumber)
    {
        // MARC 21: every field starts with ASCII as G0 and ANSEL as G1; designations hold to the field's end.
        var designations = Marc8Designations.Default;
        if (field is ControlField control)
        {
            control.Value = Marc8Decoder.Decode(control.Value, ref designations, innovative, problems);
            if (problems is { Count: > 0 })
            {
                Report(problems, diagnostics, recordNumber, $"field {field.Tag}, byte ", " of its data");
            }

            return;
        }

        var subfields = ((DataField)field).Subfields;
        for (var i = 0; i < subfields.Count; i++)
        {
            var subfield = subfields[i];
            var value = Marc8Decoder.Decode(subfield.Value, ref designations, innovative, problems);
            if (problems is { Count: > 0 })
            {
                Report(problems, diagnostics, recordNumber, $"field {field.Tag} ${subfield.Code}, byte ", " of the subfield");
            }

            if (!ReferenceEquals(value, subfield.Value))
            {
                subfields[i] = new Subfield(subfield.Code, value);
            }
        }
    }

    private static void MapValuesInPlace(MarcField field, Func<string, string> map)
    {
        if (field is ControlField control)
        {
            control.Value = map(control.Value);
            return;
        }

        var subfields = ((DataField)field).Subfields;
        for (var i = 0; i < subfields.Count; i++)
        {
            var subfield = subfields[i];
            subfields[i] = new Subfield(subfield.Code, map(subfield.Value));
        }
    }

    private static MarcDiagnostic Utf8UnderMarc8Leader(long recordNumber) => new(
        MarcDiagnosticIds.Utf8UnderMarc8Leader, MarcSeverity.Warning, recordNumber, -1,
        "leader/09 is blank (MARC-8), but the data is well-formed UTF-8 with multibyte sequences and no escapes; read as UTF-8");

    // The location is built around the offset, never used as a format string: a tag or subfield code is record data
    // and may hold '{' or '}'.
    private static void Report(List<Marc8Problem>? problems, List<MarcDiagnostic>? diagnostics, long recordNumber, string beforeOffset, string afterOffset)
    {
        if (problems is null || diagnostics is null || problems.Count == 0)
        {
            return;
        }

        foreach (var problem in problems)
        {
            var location = string.Concat(beforeOffset, problem.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), afterOffset);
            diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.Marc8Invalid, MarcSeverity.Warning, recordNumber, -1, $"MARC-8 {location}: {problem.Message}"));
        }

        problems.Clear();
    }

    private static MarcField MapValues(MarcField field, Func<string, string> map)
    {
        if (field is ControlField control)
        {
            return new ControlField(control.Tag, map(control.Value));
        }

        var data = (DataField)field;
        return new DataField(data.Tag, data.Indicator1, data.Indicator2, data.Subfields.Select(s => new Subfield(s.Code, map(s.Value))));
    }
}
