using System.Globalization;
using System.Text;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Writes MarcEdit mnemonic text: <c>.mrk</c> for MARC-8 records, <c>.mrk8</c> (UTF-8) for Unicode ones.</summary>
/// <remarks>
/// Lines end with CRLF and records with a blank line, as MarcEdit writes them. Blanks in the
/// leader, control fields and indicators are <c>\</c>. <c>$</c>, <c>{</c>, <c>}</c> and <c>\</c> in data are
/// always <c>{dollar}</c>, <c>{lcub}</c>, <c>{rcub}</c> and <c>{bsol}</c>, so the text reads back
/// unambiguously: MARCMaker readers (LoC MARCMaker, Perl's MARC::File::MARCMaker) read a bare <c>\</c>
/// anywhere on a line as a blank. In MARC-8 records every byte above 0x7F and ESC is a mnemonic
/// (<c>{$xx}</c> when the table has no name for it), so <c>.mrk</c> output is plain ASCII; C0 controls
/// are <c>{$xx}</c> in both. A record whose leader says MARC-8 over text that is UTF-8 (the rule by
/// which conversion reads it as UTF-8, MARC013) is written as that UTF-8 text, its leader unchanged:
/// the text then reads back to the same bytes, and MARCMaker readers, which know no <c>{$xx}</c>, read it too.
/// </remarks>
public sealed class MnemonicWriter : IMarcRecordWriter
{
    private readonly OutputBuffer _output;
    private readonly StringBuilder _line = new(256);

    /// <summary>Creates a writer over a stream.</summary>
    public MnemonicWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _output = new OutputBuffer(stream, leaveOpen);
    }

    /// <summary>The text of one record, for display and tests.</summary>
    public static string ToText(MarcRecord record)
    {
        using var memory = new MemoryStream();
        using (var writer = new MnemonicWriter(memory, leaveOpen: true))
        {
            writer.Write(record);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(memory.ToArray());
    }

    /// <inheritdoc />
    public void Write(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(record);
        var marc8 = !record.Leader.IsUnicode;
        var utf8Bytes = marc8 && MarcCharsetConverter.LooksLikeUtf8(record);
        if (utf8Bytes)
        {
            marc8 = false;
        }

        _line.Clear().Append("=LDR  ");
        AppendText(record.Leader.ToString(), marc8, blankMarker: true);
        EndLine();
        foreach (var field in record.Fields)
        {
            _line.Clear().Append('=').Append(field.Tag).Append("  ");
            if (field is ControlField control)
            {
                AppendText(utf8Bytes ? FromUtf8Bytes(control.Value) : control.Value, marc8, blankMarker: true);
            }
            else
            {
                var data = (DataField)field;
                AppendText([data.Indicator1], marc8, blankMarker: true);
                AppendText([data.Indicator2], marc8, blankMarker: true);
                foreach (var subfield in data.Subfields)
                {
                    _line.Append('$');

                    // A code is one character after $, read as is: {bsol} there would read back as code '{'.
                    if (subfield.Code == '\\')
                    {
                        _line.Append('\\');
                    }
                    else
                    {
                        AppendText([subfield.Code], marc8, blankMarker: false);
                    }

                    AppendText(utf8Bytes ? FromUtf8Bytes(subfield.Value) : subfield.Value, marc8, blankMarker: false);
                }
            }

            EndLine();
        }

        _output.Append("\r\n"u8);
        _output.DrainIfFull();
    }

    /// <inheritdoc />
    public void Complete() => _output.Flush();

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();

    // The value's bytes (one per char, as MARC-8 records hold them) read as UTF-8.
    private static string FromUtf8Bytes(string bytes) =>
        bytes.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(bytes)) : bytes;

    private void EndLine()
    {
        foreach (var chunk in _line.GetChunks())
        {
            _output.AppendUtf8(chunk.Span);
        }

        _output.Append("\r\n"u8);
    }

    private void AppendText(ReadOnlySpan<char> text, bool marc8, bool blankMarker)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case ' ' when blankMarker:
                    _line.Append('\\');
                    continue;
                case '\\':
                    _line.Append("{bsol}");
                    continue;
                case '$':
                    _line.Append("{dollar}");
                    continue;
                case '{':
                    _line.Append("{lcub}");
                    continue;
                case '}':
                    _line.Append("{rcub}");
                    continue;
            }

            if (c < 0x20 || c == 0x7F || (marc8 && c >= 0x80))
            {
                var name = c <= 0xFF ? MnemonicTable.Instance.NameOfMarc8((byte)c) : null;
                if (name is not null && (marc8 || c < 0x20))
                {
                    _line.Append('{').Append(name).Append('}');
                }
                else
                {
                    _line.Append(CultureInfo.InvariantCulture, $"{{${(int)c:X2}}}");
                }

                continue;
            }

            _line.Append(c);
        }
    }
}
