using System.Buffers;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Xml;

/// <summary>Writes records as a MARCXML collection (LoC MARC21slim), UTF-8, straight to bytes.</summary>
/// <remarks>
/// MARCXML is Unicode, so MARC-8 records are converted and every leader says <c>a</c> at 09, as
/// yaz does. XML 1.0 (§2.2 "Characters") cannot carry C0 controls other than tab, newline and
/// carriage return, nor U+FFFE, U+FFFF or unpaired surrogates; such a character is written as
/// U+FFFD REPLACEMENT CHARACTER and reported, never dropped silently. Tab, newline and carriage
/// return are written as character references so that parsers do not normalize them (XML 1.0 §2.11, §3.3.3).
/// </remarks>
public sealed partial class MarcXmlWriter : IMarcRecordWriter
{
    // Everything that cannot be copied to the output as is.
    private static readonly SearchValues<char> s_special = SearchValues.Create(BuildSpecials());

    private readonly OutputBuffer _output;
    private bool _started;
    private bool _completed;

    /// <summary>Creates a writer over a stream.</summary>
    public MarcXmlWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _output = new OutputBuffer(stream, leaveOpen);
    }

    /// <summary>Creates a writer that adds records to a collection whose start is already in the stream (the end tag is written by <see cref="Complete"/>).</summary>
    public static MarcXmlWriter ContinueCollection(Stream stream, bool leaveOpen = false) => new(stream, leaveOpen) { _started = true };

    /// <inheritdoc />
    public void Write(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(record);
        var unicode = RecordCharset.ToUnicode(record, diagnostics, recordNumber);
        Start();
        var context = new EscapeContext(diagnostics, recordNumber);
        _output.Append("<record>\n  <leader>"u8);
        context.Tag = "leader";
        AppendEscaped(unicode.Leader.ToString(), context);
        _output.Append("</leader>\n"u8);

        // MARC21slim: every controlfield comes before the first datafield; a control field found later is moved up, in its order.
        string? firstDataTag = null;
        foreach (var field in unicode.Fields)
        {
            if (field is not ControlField control)
            {
                firstDataTag ??= field.Tag;
                continue;
            }

            context.Tag = field.Tag;
            context.Code = '\0';
            if (firstDataTag is not null)
            {
                context.Warn(MarcDiagnosticIds.ControlFieldMoved, $"field {field.Tag} followed data field {firstDataTag}; MARCXML puts control fields first, so it was written before the data fields");
            }

            _output.Append("  <controlfield tag=\""u8);
            AppendEscaped(field.Tag, context);
            _output.Append("\">"u8);
            AppendEscaped(control.Value, context);
            _output.Append("</controlfield>\n"u8);
        }

        foreach (var field in unicode.Fields)
        {
            if (field is DataField data)
            {
                WriteDataField(data, context);
            }
        }

        _output.Append("</record>\n"u8);
        _output.DrainIfFull();
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        Start();
        _output.Append("</collection>\n"u8);
        _output.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();

    // MARC21slim indicatorDataType is [0-9a-z ]; any other indicator ('#' for blank, capitals, controls) is written as a blank.
    private static char Indicator(char indicator, string name, EscapeContext context)
    {
        if (indicator is ' ' or (>= '0' and <= '9') or (>= 'a' and <= 'z'))
        {
            return indicator;
        }

        context.Warn(MarcDiagnosticIds.IndicatorBlanked, $"field {context.Tag}: {name} {Shown(indicator)} is not a MARCXML indicator (0-9, a-z, blank); written as a blank");
        return ' ';
    }

    private static string Shown(char c) => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private static string BuildSpecials()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            chars.Add(c);
        }

        chars.AddRange(['&', '<', '>', '"', '\uFFFE', '\uFFFF']);
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Add(c);
        }

        return new string([.. chars]);
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _output.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"u8);
        _started = true;
    }

    private void WriteDataField(DataField field, EscapeContext context)
    {
        context.Tag = field.Tag;
        context.Code = '\0';
        _output.Append("  <datafield tag=\""u8);
        AppendEscaped(field.Tag, context);
        _output.Append("\" ind1=\""u8);
        AppendEscaped([Indicator(field.Indicator1, "ind1", context)], context);
        _output.Append("\" ind2=\""u8);
        AppendEscaped([Indicator(field.Indicator2, "ind2", context)], context);
        _output.Append("\">\n"u8);
        foreach (var subfield in field.Subfields)
        {
            context.Code = subfield.Code;
            _output.Append("    <subfield code=\""u8);
            AppendEscaped([subfield.Code], context);
            _output.Append("\">"u8);
            AppendEscaped(subfield.Value, context);
            _output.Append("</subfield>\n"u8);
        }

        _output.Append("  </datafield>\n"u8);
    }

    private void AppendEscaped(ReadOnlySpan<char> text, EscapeContext context)
    {
        while (true)
        {
            var next = text.IndexOfAny(s_special);
            if (next < 0)
            {
                _output.AppendUtf8(text);
                return;
            }

            _output.AppendUtf8(text[..next]);
            var c = text[next];
            var consumed = 1;
            switch (c)
            {
                case '&': _output.Append("&amp;"u8); break;
                case '<': _output.Append("&lt;"u8); break;
                case '>': _output.Append("&gt;"u8); break;
                case '"': _output.Append("&quot;"u8); break;
                case '\t': _output.Append("&#9;"u8); break;
                case '\n': _output.Append("&#10;"u8); break;
                case '\r': _output.Append("&#13;"u8); break;
                default:
                    if (char.IsHighSurrogate(c) && next + 1 < text.Length && char.IsLowSurrogate(text[next + 1]))
                    {
                        _output.AppendUtf8(text.Slice(next, 2));
                        consumed = 2;
                    }
                    else
                    {
                        _output.Append("\uFFFD"u8);
                        context.Report(c);
                    }

                    break;
            }

            text = text[(next + consumed)..];
        }
    }

    private sealed class EscapeContext(List<MarcDiagnostic>? diagnostics, long recordNumber)
    {
        public string Tag { get; set; } = "";

        public char Code { get; set; }

        public void Report(char c)
        {
            var where = Code == '\0' ? $"field {Tag}" : $"field {Tag} ${Code}";
            Warn(MarcDiagnosticIds.CharacterNotRepresentable, $"{where}: U+{(int)c:X4} cannot be carried by XML 1.0 and was written as U+FFFD");
        }

        public void Warn(string id, string message) =>
            diagnostics?.Add(new MarcDiagnostic(id, MarcSeverity.Warning, recordNumber, -1, message));
    }
}
