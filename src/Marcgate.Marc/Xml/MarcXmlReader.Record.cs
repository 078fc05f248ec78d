using System.Text;
using System.Xml;

namespace Marcgate.Marc.Xml;

/// <summary>Reading the content of one <c>record</c> element.</summary>
public sealed partial class MarcXmlReader
{
    private MarcRecord ReadRecord(RecordContext context)
    {
        if (_xml.NamespaceURI.Length == 0)
        {
            context.Warn(MarcDiagnosticIds.UnknownConstruct, $"{Where()}: <record> has no namespace; read as MARCXML ({MarcXml.Namespace})");
        }

        var record = new MarcRecord(Leader.CreateDefault());
        var sawLeader = false;
        if (_xml.IsEmptyElement)
        {
            context.Warn(MarcDiagnosticIds.LeaderTooShort, $"{Where()}: the record is empty");
            return record;
        }

        var depth = _xml.Depth;
        while (NextChild(depth))
        {
            if (_xml.NodeType == XmlNodeType.Text || _xml.NodeType == XmlNodeType.CDATA)
            {
                context.Warn(MarcDiagnosticIds.UnknownConstruct, $"{Where()}: text directly inside <record> is not MARCXML; ignored");
                continue;
            }

            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (IsMarcElement() ? _xml.LocalName : null)
            {
                case MarcXml.Leader:
                    record.Leader = ReadLeader(context);
                    sawLeader = true;
                    break;
                case MarcXml.ControlField:
                    record.Fields.Add(ReadControlField(context));
                    break;
                case MarcXml.DataField:
                    record.Fields.Add(ReadDataField(context));
                    break;
                default:
                    SkipUnknown(context, "record");
                    break;
            }
        }

        if (!sawLeader)
        {
            context.Warn(MarcDiagnosticIds.LeaderTooShort, $"{Where()}: the record has no <leader>; a default leader was used");
        }

        // MARCXML is Unicode (MARC 21 XML schema documentation), so the leader says so whatever it held.
        record.Leader.CharacterCodingScheme = 'a';
        return record;
    }

    private bool IsMarcElement() => _xml.NamespaceURI == MarcXml.Namespace || _xml.NamespaceURI.Length == 0;

    private Leader ReadLeader(RecordContext context)
    {
        var where = Where();
        var text = ReadText(context, "leader");
        if (text.Length != Leader.Length)
        {
            context.Warn(MarcDiagnosticIds.LeaderTooShort, $"{where}: the leader has {text.Length} characters, not 24; {(text.Length < 24 ? "padded with blanks" : "cut to 24")}");
            text = text.Length < Leader.Length ? text.PadRight(Leader.Length) : text[..Leader.Length];
        }

        return new Leader(text);
    }

    private ControlField ReadControlField(RecordContext context)
    {
        var tag = ReadTag(context);
        return new ControlField(tag, ReadText(context, $"controlfield {tag}"));
    }

    private DataField ReadDataField(RecordContext context)
    {
        var tag = ReadTag(context);
        var field = new DataField(tag, ReadIndicator(context, MarcXml.Indicator1, tag), ReadIndicator(context, MarcXml.Indicator2, tag));
        if (_xml.IsEmptyElement)
        {
            return field;
        }

        var depth = _xml.Depth;
        while (NextChild(depth))
        {
            if (_xml.NodeType == XmlNodeType.Text || _xml.NodeType == XmlNodeType.CDATA)
            {
                context.Warn(MarcDiagnosticIds.DataBeforeFirstSubfield, $"{Where()}: text directly inside datafield {tag} is not in a subfield; ignored");
                continue;
            }

            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (IsMarcElement() && _xml.LocalName == MarcXml.Subfield)
            {
                var code = _xml.GetAttribute(MarcXml.Code);
                var where = Where();
                if (code is not { Length: 1 })
                {
                    context.Warn(MarcDiagnosticIds.SyntaxError, $"{where}: subfield of {tag} has code \"{code}\", not one character; {(string.IsNullOrEmpty(code) ? "blank used" : "first character used")}");
                }

                var value = ReadText(context, $"subfield {tag} ${code}");
                field.Subfields.Add(new Subfield(string.IsNullOrEmpty(code) ? ' ' : code[0], value));
                continue;
            }

            SkipUnknown(context, $"datafield {tag}");
        }

        return field;
    }

    private string ReadTag(RecordContext context)
    {
        var tag = _xml.GetAttribute(MarcXml.Tag);
        if (tag is { Length: 3 })
        {
            return tag;
        }

        context.Error(MarcDiagnosticIds.SyntaxError, $"{Where()}: <{_xml.LocalName}> has tag \"{tag}\", not three characters");
        return (tag ?? "").PadRight(3, '?')[..3];
    }

    private char ReadIndicator(RecordContext context, string name, string tag)
    {
        var value = _xml.GetAttribute(name);
        if (value is { Length: 1 })
        {
            return value[0];
        }

        context.Warn(MarcDiagnosticIds.IndicatorsMissing, $"{Where()}: datafield {tag} has {name}=\"{value}\", not one character; {(string.IsNullOrEmpty(value) ? "blank used" : "first character used")}");
        return string.IsNullOrEmpty(value) ? ' ' : value[0];
    }

    // The text of a leaf element; child elements are not MARCXML and are reported and skipped.
    private string ReadText(RecordContext context, string what)
    {
        if (_xml.IsEmptyElement)
        {
            return "";
        }

        var depth = _xml.Depth;
        string? single = null;
        StringBuilder? text = null;
        while (NextChild(depth))
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (single is null && text is null)
                    {
                        single = _xml.Value;
                    }
                    else
                    {
                        text ??= new StringBuilder(single);
                        text.Append(_xml.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    SkipUnknown(context, what);
                    break;
            }
        }

        return text?.ToString() ?? single ?? "";
    }

    private void SkipUnknown(RecordContext context, string parent)
    {
        var message = $"{Where()}: element <{_xml.Name}> is not allowed in {parent} by MARC21slim; skipped";
        if (_options.Mode == MarcReadMode.Strict)
        {
            context.Error(MarcDiagnosticIds.UnknownConstruct, message);
        }
        else
        {
            context.Warn(MarcDiagnosticIds.UnknownConstruct, message);
        }

        // Skip leaves the reader on the node after the element, which the caller's next step must not pass over.
        _xml.Skip();
        _positioned = true;
    }

    private bool Advance()
    {
        if (_positioned)
        {
            _positioned = false;
            return !_xml.EOF;
        }

        return _xml.Read();
    }

    private bool NextChild(int depth) => Advance() && !(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth);
}
