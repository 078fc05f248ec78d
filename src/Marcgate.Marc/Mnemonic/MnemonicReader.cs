using System.Text;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Reads MarcEdit mnemonic text (<c>.mrk</c> MARC-8, <c>.mrk8</c> UTF-8) one record at a time.</summary>
/// <remarks>
/// A record is a run of lines <c>=TAG  data</c> starting with <c>=LDR</c> and ending at a blank line.
/// <c>\</c> is a blank in the leader, control fields and indicators; <c>$</c> starts a subfield;
/// <c>{name}</c>, <c>{U+XXXX}</c> and <c>{$xx}</c> are characters (see <c>mnemonics.tsv</c>).
/// Leader/09 decides the character set of each record: blank means the text holds MARC-8
/// (mnemonics become MARC-8 bytes), <c>a</c> means UTF-8. An unknown <c>{name}</c> is kept as
/// written; in MARC-8 text, where MarcEdit escapes every brace, it is also reported.
/// </remarks>
public sealed partial class MnemonicReader : IMarcRecordReader
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly MarcReaderOptions _options;
    private readonly ReadBuffer _buffer;
    private long _lineNumber;
    private long _recordNumber;

    /// <summary>Creates a reader over a stream.</summary>
    public MnemonicReader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? MarcReaderOptions.Default;
        _leaveOpen = leaveOpen;

        // A line longer than any record can be is cut at twice the record limit rather than grown without bound.
        _buffer = new ReadBuffer(stream, 64 * 1024, Math.Max(64 * 1024, 2 * _options.MaxRecordBytes));
    }

    /// <summary>Reads every record of a byte array.</summary>
    public static IEnumerable<MarcReadResult> ReadAll(byte[] bytes, MarcReaderOptions? options = null)
    {
        using var reader = new MnemonicReader(new MemoryStream(bytes, writable: false), options);
        while (reader.Read() is { } result)
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public MarcReadResult? Read()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Line line;
        do
        {
            if (!TryReadLine(out line))
            {
                return null;
            }
        }
        while (line.Text.Length == 0);

        _recordNumber++;
        var context = new LineContext(_options, _recordNumber, diagnostics);
        var recordOffset = line.Offset;
        var record = new MarcRecord(Leader.CreateDefault());
        var marc8 = false;
        var first = true;
        while (true)
        {
            context.Line = line;
            if (first && !line.Text.StartsWith("=LDR", StringComparison.Ordinal))
            {
                context.Warn(MarcDiagnosticIds.LeaderTooShort, 0, "the record does not start with an =LDR line; a default leader was used");
                marc8 = !record.Leader.IsUnicode;
            }

            if (line.Text.StartsWith("=LDR", StringComparison.Ordinal))
            {
                if (!first)
                {
                    context.Warn(MarcDiagnosticIds.SyntaxError, 0, "a second =LDR line inside one record; it replaces the first");
                }

                record.Leader = ParseLeader(line, context);
                marc8 = !record.Leader.IsUnicode;
            }
            else
            {
                ParseField(line, marc8, record, context);
            }

            first = false;
            if (!TryPeekRecordContinues() || !TryReadLine(out line))
            {
                break;
            }
        }

        if (_options.Mode == MarcReadMode.Strict && context.ErrorCount > 0)
        {
            return new MarcReadResult(null, diagnostics, _recordNumber, recordOffset);
        }

        return new MarcReadResult(record, diagnostics, _recordNumber, recordOffset);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _buffer.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // Leader/09 is known only after =LDR, so lines are decoded per record: Latin-1 keeps MARC-8 bytes one per char.
    private static string DecodeLine(ReadOnlySpan<byte> bytes, bool marc8) => (marc8 ? Encoding.Latin1 : Encoding.UTF8).GetString(bytes);
}
