namespace Marcgate.Gateway;

/// <summary>Finds where an ISO 2709 record ends in a request (gateway §3.3), from its 5-digit leader length and, when the leader lies, its terminator.</summary>
/// <remarks>Only framing: the record's inside is the codec's business. Every answer holds for any later extension of
/// the bytes, except <see cref="GatewayReadStatus.NeedMoreData"/> and <see cref="GatewayReadStatus.CompleteIfQuiet"/>.</remarks>
internal static class RecordFraming
{
    public const byte RecordTerminator = 0x1D;
    public const byte EndOfTransmission = 0x00;
    public const int LengthDigits = 5;
    public const int LeaderLength = 24;

    public const byte FieldTerminator = 0x1E;

    // Leader/12-16: the base address of data, which follows the directory's field terminator.
    private const int BaseAddressStart = 12;

    public static ReadOutcome Read(ReadOnlySpan<byte> buffer, int start, GatewayInput input, bool requireLeaderShape)
    {
        var available = buffer.Length - start;
        var declared = 0;
        for (var i = 0; i < LengthDigits && i < available; i++)
        {
            var b = buffer[start + i];
            if (!IsDigit(b))
            {
                return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start + i,
                    $"the record at byte {start} does not start with a 5-digit length: byte {start + i} is {Describe(b)} (§3.3)");
            }

            declared = (declared * 10) + (b - '0');
        }

        if (available < LengthDigits)
        {
            return Truncated(start, available, declared: null, input);
        }

        if (declared < LeaderLength)
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start,
                $"the record at byte {start} declares a length of {declared}, shorter than its own 24-byte leader (§3.3)");
        }

        if (requireLeaderShape && !HasLeaderShape(buffer[start..], declared, out var problem))
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start, $"the record at byte {start} {problem} (§3.3)");
        }

        // §5 rule 2 before rule 1: an EOT inside the leader's length ends the record whatever lies at that length. Were
        // it judged only once the length had arrived, the answer would depend on how the bytes were split.
        var eot = buffer.Slice(start, Math.Min(declared, available)).IndexOf(EndOfTransmission);
        if (eot >= 0)
        {
            return EndedByEot(buffer[start..], start, eot, declared, requireLeaderShape);
        }

        // §5 rule 1: the record is whole when its leader's length ends on the terminator.
        if (available >= declared && buffer[start + declared - 1] == RecordTerminator)
        {
            return ReadOutcome.Record(GatewayReadStatus.Complete, start, declared, declared, start + declared, eot: false);
        }

        return ReadByTerminator(buffer, start, declared, input, requireLeaderShape);
    }

    // §3.3 fallback: the leader lies, so the record ends at the first 0x1D followed by the end of the transmission.
    private static ReadOutcome ReadByTerminator(ReadOnlySpan<byte> buffer, int start, int declared, GatewayInput input, bool requireLeaderShape)
    {
        var region = buffer[start..];
        var eot = region.IndexOf(EndOfTransmission);
        if (eot >= 0)
        {
            return EndedByEot(region, start, eot, declared, requireLeaderShape);
        }

        if (region.Length > 0 && region[^1] == RecordTerminator)
        {
            return input == GatewayInput.Open
                ? ReadOutcome.Record(GatewayReadStatus.CompleteIfQuiet, start, region.Length, declared, buffer.Length, eot: false)
                : Recovered(region, start, region.Length, declared, buffer.Length, eot: false, requireLeaderShape);
        }

        return Truncated(start, region.Length, declared, input);
    }

    // §3.3: a record ended by an EOT must end with the terminator just before it.
    private static ReadOutcome EndedByEot(ReadOnlySpan<byte> region, int start, int eot, int declared, bool requireLeaderShape)
    {
        if (eot > 0 && region[eot - 1] == RecordTerminator)
        {
            return Recovered(region, start, eot, declared, start + eot + 1, eot: true, requireLeaderShape);
        }

        return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start + eot,
            $"an EOT (NUL) at byte {start + eot} ended the record that starts at byte {start} before its terminator 0x1D (leader says {declared} bytes; §3.3, §5 rule 2)");
    }

    // A record whose end is now known. Its leader's shape, judged so far only on the bytes that had come (§3.2 strict
    // pass), is judged again on the whole record: a base address beyond the end, unseen until now, is no shape.
    private static ReadOutcome Recovered(ReadOnlySpan<byte> region, int start, int length, int declared, int consumed, bool eot, bool requireLeaderShape)
    {
        if (length < LeaderLength)
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start,
                $"the record at byte {start} ends after {length} bytes, shorter than its own 24-byte leader (§3.3)");
        }

        if (requireLeaderShape && !HasLeaderShape(region[..length], length, out var problem))
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start, $"the record at byte {start}, ending after {length} bytes, {problem} (§3.3)");
        }

        return ReadOutcome.Record(GatewayReadStatus.Complete, start, length, declared, consumed, eot);
    }

    private static ReadOutcome Truncated(int start, int available, int? declared, GatewayInput input)
    {
        if (input != GatewayInput.Ended)
        {
            return ReadOutcome.NeedMore;
        }

        var expected = declared is null ? "its 5-digit length" : $"the {declared} bytes its leader declares";
        return ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, start + available,
            $"the connection ended after {available} bytes of the record that starts at byte {start}, before {expected} and without a terminator 0x1D (§3.3)");
    }

    // §3.2 resolves an ambiguous decimal length by what follows; bytes that merely start with five digits are not
    // yet a plausible record, so a split is first judged by the leader's base address and the directory's end too.
    private static bool HasLeaderShape(ReadOnlySpan<byte> record, int declared, out string problem)
    {
        problem = "";
        if (record.Length < BaseAddressStart + LengthDigits)
        {
            return true;
        }

        var baseAddress = 0;
        foreach (var b in record.Slice(BaseAddressStart, LengthDigits))
        {
            if (!IsDigit(b))
            {
                problem = "has no base address of data in leader/12-16";
                return false;
            }

            baseAddress = (baseAddress * 10) + (b - '0');
        }

        if (baseAddress <= LeaderLength || baseAddress >= declared)
        {
            problem = $"has a base address of data of {baseAddress}, outside its {declared} bytes";
            return false;
        }

        if (record.Length >= baseAddress && record[baseAddress - 1] != FieldTerminator)
        {
            problem = "has no field terminator before its base address of data";
            return false;
        }

        return true;
    }

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    public static string Describe(byte b) =>
        b is >= 0x21 and <= 0x7E ? $"0x{b:X2} '{(char)b}'" : $"0x{b:X2}";
}
