using System.Text;

namespace Marcgate.Marc.Iso2709;

/// <summary>Parses the bytes of one ISO 2709 record (leader to record terminator) into a <see cref="MarcRecord"/>.</summary>
/// <remarks>Pure: no I/O. Problems become diagnostics; strict mode turns any error into a rejected record.</remarks>
public static class Iso2709RecordParser
{
    /// <summary>Parses one record.</summary>
    /// <param name="bytes">The record's bytes, normally ending with 0x1D.</param>
    /// <param name="options">Reading mode and limits.</param>
    /// <param name="recordNumber">One-based number of the record in its input, for diagnostics.</param>
    /// <param name="byteOffset">Offset of <paramref name="bytes"/> in its input, for diagnostics.</param>
    /// <param name="diagnostics">Receives what was wrong or recovered.</param>
    /// <returns>The record, or null when it was rejected.</returns>
    public static MarcRecord? Parse(ReadOnlySpan<byte> bytes, MarcReaderOptions options, long recordNumber, long byteOffset, List<MarcDiagnostic> diagnostics)
    {
        var context = new Context(options, recordNumber, byteOffset, diagnostics);
        var record = ParseCore(bytes, context);
        if (record is not null && options.Mode == MarcReadMode.Strict && context.ErrorCount > 0)
        {
            return null;
        }

        return record;
    }

    private static MarcRecord? ParseCore(ReadOnlySpan<byte> bytes, Context context)
    {
        if (bytes.Length < Leader.Length)
        {
            context.Error(MarcDiagnosticIds.LeaderTooShort, 0, $"only {bytes.Length} bytes where a 24-byte leader was expected");
            return null;
        }

        var leader = new Leader(Encoding.Latin1.GetString(bytes[..Leader.Length]));
        if (bytes[^1] == Iso2709.RecordTerminator)
        {
            bytes = bytes[..^1];
        }
        else
        {
            context.Warn(MarcDiagnosticIds.RecordTerminatorMissing, bytes.Length, "the record does not end with the record terminator 0x1D");
        }

        // The directory ends at the first field terminator; the base address is checked against it.
        var directoryEnd = bytes[Leader.Length..].IndexOf(Iso2709.FieldTerminator);
        if (directoryEnd < 0)
        {
            context.Error(MarcDiagnosticIds.DirectoryMalformed, Leader.Length, "the directory has no field terminator 0x1E");
            return null;
        }

        directoryEnd += Leader.Length;
        var baseAddress = leader.BaseAddressOfData;
        if (baseAddress != directoryEnd + 1)
        {
            context.Warn(MarcDiagnosticIds.BaseAddressInvalid, 12, $"leader/12-16 says the data starts at {leader.ToString()[12..17]}, but the directory ends at byte {directoryEnd}; using {directoryEnd + 1}");
            baseAddress = directoryEnd + 1;
        }

        var directory = bytes[Leader.Length..directoryEnd];
        if (directory.Length % Iso2709.DirectoryEntryLength != 0)
        {
            context.Warn(MarcDiagnosticIds.DirectoryMalformed, Leader.Length, $"the directory is {directory.Length} bytes, not a multiple of 12; the partial entry is ignored");
        }

        var encoding = leader.IsUnicode ? Encoding.UTF8 : Encoding.Latin1;
        var record = new MarcRecord(leader);
        var data = bytes[Math.Min(baseAddress, bytes.Length)..];
        for (var entryStart = 0; entryStart + Iso2709.DirectoryEntryLength <= directory.Length; entryStart += Iso2709.DirectoryEntryLength)
        {
            var entry = directory.Slice(entryStart, Iso2709.DirectoryEntryLength);
            var entryOffset = Leader.Length + entryStart;
            var tag = Encoding.Latin1.GetString(entry[..3]);
            if (!TryDigits(entry.Slice(3, 4), out var length) || !TryDigits(entry.Slice(7, 5), out var start))
            {
                context.Error(MarcDiagnosticIds.DirectoryEntryInvalid, entryOffset, $"directory entry for tag '{tag}' has non-digits in its length or position");
                continue;
            }

            if (start >= data.Length || start + length > data.Length + 1)
            {
                context.Error(MarcDiagnosticIds.FieldOutOfBounds, entryOffset, $"field {tag} at {start} with length {length} lies outside the data ({data.Length} bytes)");
                continue;
            }

            var fieldBytes = data.Slice(start, Math.Min(length, data.Length - start));
            if (fieldBytes.Length > 0 && fieldBytes[^1] == Iso2709.FieldTerminator)
            {
                fieldBytes = fieldBytes[..^1];
            }
            else
            {
                context.Warn(MarcDiagnosticIds.FieldTerminatorMissing, baseAddress + start + length - 1, $"field {tag} does not end with the field terminator 0x1E");
            }

            record.Fields.Add(ParseField(tag, fieldBytes, encoding, baseAddress + start, context));
        }

        return record;
    }

    private static MarcField ParseField(string tag, ReadOnlySpan<byte> bytes, Encoding encoding, long fieldOffset, Context context)
    {
        if (MarcField.IsControlTag(tag))
        {
            return new ControlField(tag, Decode(bytes, encoding, fieldOffset, context));
        }

        if (bytes.Length < 2)
        {
            context.Warn(MarcDiagnosticIds.IndicatorsMissing, fieldOffset, $"field {tag} is too short to hold two indicators; blanks assumed");
            return new DataField(tag, ' ', ' ');
        }

        var field = new DataField(tag, (char)bytes[0], (char)bytes[1]);
        var rest = bytes[2..];
        var restOffset = fieldOffset + 2;
        if (rest.Length > 0 && rest[0] != Iso2709.SubfieldDelimiter)
        {
            var firstDelimiter = rest.IndexOf(Iso2709.SubfieldDelimiter);
            context.Warn(MarcDiagnosticIds.DataBeforeFirstSubfield, restOffset, $"field {tag} has data before its first subfield delimiter; it is dropped");
            rest = firstDelimiter < 0 ? [] : rest[firstDelimiter..];
        }

        while (rest.Length > 0)
        {
            rest = rest[1..];
            restOffset++;
            var next = rest.IndexOf(Iso2709.SubfieldDelimiter);
            var chunk = next < 0 ? rest : rest[..next];
            if (chunk.Length > 0)
            {
                var code = (char)chunk[0];
                field.Subfields.Add(new Subfield(code, Decode(chunk[1..], encoding, restOffset + 1, context)));
            }

            rest = next < 0 ? [] : rest[next..];
            restOffset += chunk.Length;
        }

        return field;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, long offset, Context context)
    {
        if (encoding is not UTF8Encoding || System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return encoding.GetString(bytes);
        }

        context.Warn(MarcDiagnosticIds.InvalidUtf8, offset, "bytes that are not valid UTF-8 were replaced with U+FFFD");
        return encoding.GetString(bytes);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private sealed class Context(MarcReaderOptions options, long recordNumber, long byteOffset, List<MarcDiagnostic> diagnostics)
    {
        public MarcReaderOptions Options { get; } = options;

        public int ErrorCount { get; private set; }

        public void Error(string id, long offset, string message)
        {
            ErrorCount++;
            diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Error, recordNumber, byteOffset + offset, message));
        }

        // In strict mode every recovery is an error: the record is rejected with the same diagnostics.
        public void Warn(string id, long offset, string message)
        {
            if (Options.Mode == MarcReadMode.Strict)
            {
                Error(id, offset, message);
                return;
            }

            diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Warning, recordNumber, byteOffset + offset, message));
        }
    }
}
