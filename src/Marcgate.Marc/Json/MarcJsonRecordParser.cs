using System.Text;
using System.Text.Json;

namespace Marcgate.Marc.Json;

/// <summary>Turns the bytes of one well-formed MARC-in-JSON object into a record; pure, no I/O.</summary>
internal sealed class MarcJsonRecordParser
{
    private readonly MarcReaderOptions _options;
    private readonly long _recordNumber;
    private readonly long _byteOffset;
    private readonly List<MarcDiagnostic> _diagnostics;
    private int _errors;

    private MarcJsonRecordParser(MarcReaderOptions options, long recordNumber, long byteOffset, List<MarcDiagnostic> diagnostics)
    {
        _options = options;
        _recordNumber = recordNumber;
        _byteOffset = byteOffset;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses one object already known to be well-formed JSON; null when strict reading rejects it.</summary>
    public static MarcRecord? Parse(ReadOnlySpan<byte> json, MarcReaderOptions options, long recordNumber, long byteOffset, List<MarcDiagnostic> diagnostics)
    {
        var parser = new MarcJsonRecordParser(options, recordNumber, byteOffset, diagnostics);
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        var record = parser.ReadRecord(ref reader);
        return options.Mode == MarcReadMode.Strict && parser._errors > 0 ? null : record;
    }

    private MarcRecord ReadRecord(ref Utf8JsonReader reader)
    {
        var record = new MarcRecord(Leader.CreateDefault());
        var sawLeader = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = reader.TokenStartIndex;
            var name = Text(ref reader);
            reader.Read();
            switch (name)
            {
                case "leader" when reader.TokenType == JsonTokenType.String:
                    record.Leader = ReadLeader(Text(ref reader), reader.TokenStartIndex);
                    sawLeader = true;
                    break;
                case "fields" when reader.TokenType == JsonTokenType.StartArray:
                    ReadFields(ref reader, record);
                    break;
                default:
                    Unknown(at, $"member \"{name}\" ({reader.TokenType}) is not part of a MARC-in-JSON record; skipped");
                    reader.Skip();
                    break;
            }
        }

        if (!sawLeader)
        {
            Warn(MarcDiagnosticIds.LeaderTooShort, 0, "the record has no \"leader\"; a default leader was used");
        }

        // JSON text is Unicode (RFC 8259 §8.1); leader/09 is kept as written (yaz does the same) unless
        // that would make non-ASCII text look like MARC-8 bytes, which the model forbids.
        if (!record.Leader.IsUnicode && !Formats.RecordCharset.IsPlainAscii(record))
        {
            Warn(MarcDiagnosticIds.LeaderDefaultsAssumed, 0, $"leader/09 is '{record.Leader.CharacterCodingScheme}' but the record holds non-ASCII Unicode text; set to 'a'");
            record.Leader.CharacterCodingScheme = 'a';
        }

        return record;
    }

    private Leader ReadLeader(string text, long at)
    {
        if (text.Length != Leader.Length)
        {
            Warn(MarcDiagnosticIds.LeaderTooShort, at, $"the leader has {text.Length} characters, not 24; {(text.Length < 24 ? "padded with blanks" : "cut to 24")}");
            text = text.Length < Leader.Length ? text.PadRight(Leader.Length) : text[..Leader.Length];
        }

        return new Leader(text);
    }

    private void ReadFields(ref Utf8JsonReader reader, MarcRecord record)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Error(MarcDiagnosticIds.SyntaxError, at, $"a field must be an object like {{\"245\": …}}, not {reader.TokenType}; skipped");
                reader.Skip();
                continue;
            }

            var members = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                members++;
                var tag = Text(ref reader);
                var tagAt = reader.TokenStartIndex;
                reader.Read();
                if (members > 1)
                {
                    Warn(MarcDiagnosticIds.SyntaxError, tagAt, $"field object holds more than one tag; \"{tag}\" read as a further field");
                }

                if (tag.Length != 3)
                {
                    Error(MarcDiagnosticIds.SyntaxError, tagAt, $"tag \"{tag}\" is not three characters; field skipped");
                    reader.Skip();
                    continue;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        record.Fields.Add(new ControlField(tag, Text(ref reader)));
                        break;
                    case JsonTokenType.StartObject:
                        record.Fields.Add(ReadDataField(ref reader, tag));
                        break;
                    default:
                        Error(MarcDiagnosticIds.SyntaxError, reader.TokenStartIndex, $"field {tag} is {reader.TokenType}, neither a string nor an object; skipped");
                        reader.Skip();
                        break;
                }
            }
        }
    }

    private DataField ReadDataField(ref Utf8JsonReader reader, string tag)
    {
        var field = new DataField(tag, ' ', ' ');
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader);
            var at = reader.TokenStartIndex;
            reader.Read();
            switch (name)
            {
                case "ind1" when reader.TokenType == JsonTokenType.String:
                    field.Indicator1 = ReadIndicator(Text(ref reader), tag, name, at);
                    break;
                case "ind2" when reader.TokenType == JsonTokenType.String:
                    field.Indicator2 = ReadIndicator(Text(ref reader), tag, name, at);
                    break;
                case "subfields" when reader.TokenType == JsonTokenType.StartArray:
                    ReadSubfields(ref reader, field);
                    break;
                default:
                    Unknown(at, $"field {tag}: member \"{name}\" ({reader.TokenType}) is not part of a MARC-in-JSON data field; skipped");
                    reader.Skip();
                    break;
            }
        }

        return field;
    }

    private void ReadSubfields(ref Utf8JsonReader reader, DataField field)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Error(MarcDiagnosticIds.SyntaxError, reader.TokenStartIndex, $"field {field.Tag}: a subfield must be an object like {{\"a\": \"…\"}}, not {reader.TokenType}; skipped");
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var code = Text(ref reader);
                var at = reader.TokenStartIndex;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    Error(MarcDiagnosticIds.SyntaxError, at, $"field {field.Tag} ${code}: the value is {reader.TokenType}, not a string; skipped");
                    reader.Skip();
                    continue;
                }

                if (code.Length != 1)
                {
                    Warn(MarcDiagnosticIds.SyntaxError, at, $"field {field.Tag}: subfield code \"{code}\" is not one character; {(code.Length == 0 ? "blank used" : "first character used")}");
                }

                field.Subfields.Add(new Subfield(code.Length == 0 ? ' ' : code[0], Text(ref reader)));
            }
        }
    }

    private char ReadIndicator(string value, string tag, string name, long at)
    {
        if (value.Length == 1)
        {
            return value[0];
        }

        Warn(MarcDiagnosticIds.IndicatorsMissing, at, $"field {tag}: {name} \"{value}\" is not one character; {(value.Length == 0 ? "blank used" : "first character used")}");
        return value.Length == 0 ? ' ' : value[0];
    }

    private void Unknown(long at, string message)
    {
        if (_options.Mode == MarcReadMode.Strict)
        {
            Error(MarcDiagnosticIds.UnknownConstruct, at, message);
        }
        else
        {
            Warn(MarcDiagnosticIds.UnknownConstruct, at, message);
        }
    }

    // The JSON reader checks a string's UTF-8 only when it is read, and throws there. Bad content is data: the bytes that
    // are not UTF-8 become U+FFFD, the rest of the string (escapes included) is read as written, and MARC012 says so.
    private string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            Warn(MarcDiagnosticIds.InvalidUtf8, reader.TokenStartIndex, "a string holds bytes that are not UTF-8; they were read as U+FFFD");
            var repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw));
            var quoted = new byte[repaired.Length + 2];
            quoted[0] = quoted[^1] = (byte)'"';
            repaired.CopyTo(quoted, 1);
            var again = new Utf8JsonReader(quoted);
            again.Read();
            return again.GetString()!;
        }
    }

    private void Error(string id, long at, string message)
    {
        _errors++;
        _diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Error, _recordNumber, _byteOffset + at, message));
    }

    // In strict mode every recovery is an error, as in the ISO 2709 reader.
    private void Warn(string id, long at, string message)
    {
        if (_options.Mode == MarcReadMode.Strict)
        {
            Error(id, at, message);
            return;
        }

        _diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Warning, _recordNumber, _byteOffset + at, message));
    }
}
