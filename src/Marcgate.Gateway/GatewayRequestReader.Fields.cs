namespace Marcgate.Gateway;

public sealed partial class GatewayRequestReader
{
    private const byte InterpretAsCommand = 0xFF;
    private const byte SubnegotiationBegin = 0xFA;
    private const byte SubnegotiationEnd = 0xF0;
    private const byte ShortLengthBase = 0x40;

    // A decimal length never needs more digits than the 1 MB limit has (§3.2).
    private const int MaxDecimalDigits = 7;

    // Reads `*( field / SP ) record [ EOT ]` (§3) from `position` on; `started` says whether the request has begun.
    private ReadOutcome ReadFrom(ReadOnlySpan<byte> buffer, int position, LogonFields fields, bool started, GatewayInput input, bool strict)
    {
        while (true)
        {
            if (position >= buffer.Length)
            {
                return Incomplete(position, fields.Any ? "after its logon fields, before a record" : "before a record", input);
            }

            var b = buffer[position];
            switch (b)
            {
                case Space:
                    position++;
                    continue;
                case RecordFraming.EndOfTransmission:
                    return ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position,
                        $"an EOT (NUL) at byte {position} ended the request before a record came (§5 rule 2)");
                case InterpretAsCommand:
                    var skip = TelnetCommandLength(buffer, position);
                    if (skip < 0)
                    {
                        return skip == -1
                            ? Incomplete(position, "inside a Telnet command", input)
                            : ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position + 1,
                                $"byte {position + 1} is {RecordFraming.Describe(buffer[position + 1])}, not a Telnet command after IAC (§2)");
                    }

                    position += skip;
                    started = true;
                    continue;
                case (byte)'U' or (byte)'A' or (byte)'P':
                    return ReadField(buffer, position, fields, input, strict);
                case >= (byte)'0' and <= (byte)'9':
                    var record = RecordFraming.Read(buffer, position, input, strict);
                    return record with { Fields = fields };
                default:
                    return fields.Any || started
                        ? ReadOutcome.Invalid(GatewayReplyCodes.BadRecord, position,
                            $"byte {position} is {RecordFraming.Describe(b)} where a record should start; an ISO 2709 record starts with its 5-digit length (§3.3)")
                        : ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position,
                            $"byte {position} is {RecordFraming.Describe(b)}; a request starts with U, A, P, a space, a record's length digits or Telnet IAC (§2)");
            }
        }
    }

    private ReadOutcome ReadField(ReadOnlySpan<byte> buffer, int position, LogonFields fields, GatewayInput input, bool strict)
    {
        var tag = buffer[position];
        if (fields.Has(tag))
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position,
                $"the {(char)tag} field at byte {position} repeats an earlier one; each field comes at most once (§3.1)");
        }

        if (position + 1 >= buffer.Length)
        {
            return Incomplete(position, $"inside its {(char)tag} field", input);
        }

        var lengthByte = buffer[position + 1];
        if (lengthByte >= ShortLengthBase)
        {
            // §3.2 short form: one byte, length = byte - 0x40.
            var value = new ValueRange(position + 2, lengthByte - ShortLengthBase);
            return value.Start + value.Length > buffer.Length
                ? Incomplete(position, $"inside its {(char)tag} field", input)
                : ReadFrom(buffer, value.Start + value.Length, fields.With(tag, value), started: true, input, strict);
        }

        if (!RecordFraming.IsDigit(lengthByte))
        {
            return ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position + 1,
                $"byte {position + 1} after the {(char)tag} tag is {RecordFraming.Describe(lengthByte)}, not a length (a byte 0x40-0xFF or decimal digits, §3.2)");
        }

        // A split judged by the leader's shape first; only when none reads so, by the 5-digit length alone (§3.2).
        var shaped = ReadDecimalField(buffer, position, fields, input, strict: true);
        return shaped.IsInvalid && !strict ? ReadDecimalField(buffer, position, fields, input, strict: false) : shaped;
    }

    // §3.2 decimal form: the value may itself start with digits, so try the splits shortest first and take the
    // first after which the rest of the request still reads. A split that cannot be judged yet stops the search:
    // taking a longer one would give a different answer once more bytes came.
    private ReadOutcome ReadDecimalField(ReadOnlySpan<byte> buffer, int position, LogonFields fields, GatewayInput input, bool strict)
    {
        var tag = buffer[position];
        var digitsStart = position + 1;
        var digitsEnd = digitsStart;
        while (digitsEnd < buffer.Length && digitsEnd - digitsStart < MaxDecimalDigits && RecordFraming.IsDigit(buffer[digitsEnd]))
        {
            digitsEnd++;
        }

        ReadOutcome? closest = null;
        var length = 0;
        for (var end = digitsStart + 1; end <= digitsEnd; end++)
        {
            length = (length * 10) + (buffer[end - 1] - '0');
            var value = new ValueRange(end, length);
            if (length > _options.MaxRequestBytes)
            {
                break;
            }

            var outcome = value.Start + value.Length > buffer.Length
                ? Incomplete(position, $"inside its {(char)tag} field", input)
                : ReadFrom(buffer, value.Start + value.Length, fields.With(tag, value), started: true, input, strict);
            if (!outcome.IsInvalid)
            {
                return outcome;
            }

            if (closest is null || outcome.ErrorOffset > closest.Value.ErrorOffset)
            {
                closest = outcome;
            }
        }

        var moreDigitsMayCome = digitsEnd == buffer.Length && digitsEnd - digitsStart < MaxDecimalDigits;
        if (moreDigitsMayCome && input != GatewayInput.Ended)
        {
            return ReadOutcome.NeedMore;
        }

        var digits = System.Text.Encoding.ASCII.GetString(buffer[digitsStart..digitsEnd]);
        return ReadOutcome.Invalid(closest?.ErrorCode ?? GatewayReplyCodes.BadRequest, closest?.ErrorOffset ?? digitsStart,
            $"no reading of the decimal length '{digits}' after the {(char)tag} tag at byte {position} leaves a request that reads (§3.2); the closest: {closest?.ErrorMessage ?? "the length is too large"}");
    }

    // §2: IAC WILL/WONT/DO/DONT option are triples; IAC SB … IAC SE is a subnegotiation; other commands are pairs.
    // Returns the bytes to skip, -1 when more are needed, -2 when the byte after IAC is no command.
    private static int TelnetCommandLength(ReadOnlySpan<byte> buffer, int position)
    {
        if (position + 1 >= buffer.Length)
        {
            return -1;
        }

        var command = buffer[position + 1];
        if (command is >= 0xFB and <= 0xFE)
        {
            return position + 2 < buffer.Length ? 3 : -1;
        }

        if (command == SubnegotiationBegin)
        {
            ReadOnlySpan<byte> end = [InterpretAsCommand, SubnegotiationEnd];
            var at = buffer[(position + 2)..].IndexOf(end);
            return at < 0 ? -1 : at + 4;
        }

        return command is >= SubnegotiationEnd and < SubnegotiationBegin ? 2 : -2;
    }

    private static ReadOutcome Incomplete(int position, string where, GatewayInput input) =>
        input == GatewayInput.Ended
            ? ReadOutcome.Invalid(GatewayReplyCodes.BadRequest, position,
                $"the connection ended {where} (request byte {position}); a request ends with an ISO 2709 record (§3)")
            : ReadOutcome.NeedMore;
}
