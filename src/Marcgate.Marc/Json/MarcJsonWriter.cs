using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Json;

/// <summary>Writes records as MARC-in-JSON, one record object per line (JSON Lines), UTF-8.</summary>
/// <remarks>
/// The object layout is the one yaz, marc4j and pymarc share
/// (<c>{"leader":…,"fields":[{"001":"…"},{"245":{"ind1":…,"ind2":…,"subfields":[{"a":"…"}]}}]}</c>).
/// One object per line keeps output streamable; every reader of concatenated objects reads it.
/// JSON is Unicode, so MARC-8 records are converted and their leader/09 becomes <c>a</c>.
/// </remarks>
public sealed class MarcJsonWriter : IMarcRecordWriter
{
    private const int DrainThreshold = 128 * 1024;
    private static readonly JsonWriterOptions s_options = new()
    {
        // Non-ASCII text stays readable UTF-8; quotes, backslashes and controls are still escaped (RFC 8259 §7).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(DrainThreshold * 2);
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates a writer over a stream.</summary>
    public MarcJsonWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, s_options);
    }

    /// <inheritdoc />
    public void Write(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(record);
        var unicode = RecordCharset.ToUnicode(record, diagnostics, recordNumber);
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("leader"u8, unicode.Leader.ToString());
        _json.WriteStartArray("fields"u8);
        foreach (var field in unicode.Fields)
        {
            _json.WriteStartObject();
            if (field is ControlField control)
            {
                _json.WriteString(field.Tag, control.Value);
            }
            else
            {
                var data = (DataField)field;
                _json.WriteStartObject(field.Tag);
                _json.WriteString("ind1"u8, [data.Indicator1]);
                _json.WriteString("ind2"u8, [data.Indicator2]);
                _json.WriteStartArray("subfields"u8);
                foreach (var subfield in data.Subfields)
                {
                    _json.WriteStartObject();
                    _json.WriteString([subfield.Code], subfield.Value);
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
                _json.WriteEndObject();
            }

            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= DrainThreshold)
        {
            Drain();
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        Drain();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Drain()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
