using System.Text;
using System.Text.Unicode;

namespace Marcgate.Gateway;

/// <summary>Reads gateway requests (gateway §2, §3, §5) from the bytes a session has buffered: pure, no sockets, no clock.</summary>
/// <remarks>
/// Incremental by re-reading: the session appends what arrives and calls <see cref="Read"/> again; the answer is a
/// function of the bytes and of <see cref="GatewayInput"/> only, so any split of the same bytes gives the same requests.
/// The decimal length ambiguity of §3.2 needs a look at the rest of the request, hence one contiguous buffer.
/// </remarks>
public sealed partial class GatewayRequestReader
{
    private const byte Space = 0x20;

    private readonly GatewayRequestReaderOptions _options;

    /// <summary>Creates a reader with the given limits.</summary>
    /// <param name="options">Limits; <see cref="GatewayRequestReaderOptions.Default"/> when null.</param>
    public GatewayRequestReader(GatewayRequestReaderOptions? options = null)
    {
        _options = options ?? GatewayRequestReaderOptions.Default;
    }

    /// <summary>Reads the first request in <paramref name="buffered"/>.</summary>
    /// <param name="buffered">The bytes received since the previous request was consumed.</param>
    /// <param name="input">Whether more bytes may come (§5).</param>
    /// <returns>What was found; on <see cref="GatewayReadStatus.Complete"/>, discard <see cref="GatewayReadResult.Consumed"/> bytes and read again.</returns>
    public GatewayReadResult Read(ReadOnlySpan<byte> buffered, GatewayInput input)
    {
        // §5: a lone NUL, stray spaces or a repeated EOT between requests are ignored.
        var noise = 0;
        while (noise < buffered.Length && buffered[noise] is Space or RecordFraming.EndOfTransmission)
        {
            noise++;
        }

        if (noise == buffered.Length)
        {
            return GatewayReadResult.Idle(noise);
        }

        var outcome = ReadFrom(buffered, noise, default, started: false, input, strict: false);
        if (outcome.Status is GatewayReadStatus.Invalid)
        {
            return GatewayReadResult.Invalid(outcome.ErrorCode!, outcome.ErrorMessage!, outcome.ErrorOffset);
        }

        var size = outcome.Status == GatewayReadStatus.Complete ? outcome.Consumed : buffered.Length;
        if (size > _options.MaxRequestBytes)
        {
            return GatewayReadResult.Invalid(GatewayReplyCodes.TooLarge,
                $"the request exceeds the host's limit of {_options.MaxRequestBytes} bytes", _options.MaxRequestBytes);
        }

        return outcome.Status switch
        {
            GatewayReadStatus.Complete => new GatewayReadResult
            {
                Status = GatewayReadStatus.Complete,
                Consumed = outcome.Consumed,
                Request = ToRequest(buffered, outcome),
            },
            GatewayReadStatus.CompleteIfQuiet => GatewayReadResult.CompleteIfQuiet,
            _ => GatewayReadResult.NeedMoreData,
        };
    }

    private static GatewayRequest ToRequest(ReadOnlySpan<byte> buffered, ReadOutcome outcome) => new()
    {
        Dialect = outcome.Fields.Any ? GatewayDialect.Gateway : GatewayDialect.Raw,
        LogonId = Decode(buffered, outcome.Fields.Logon),
        Password = Decode(buffered, outcome.Fields.Password),
        UserId = Decode(buffered, outcome.Fields.User),
        Record = buffered.Slice(outcome.RecordStart, outcome.RecordLength).ToArray(),
        DeclaredRecordLength = outcome.DeclaredLength,
        EndedWithEot = outcome.EndedWithEot,
    };

    // Values are UTF-8 when they decode as such; otherwise the Windows clients' single-byte text, read as Latin-1.
    private static string? Decode(ReadOnlySpan<byte> buffered, ValueRange? range)
    {
        if (range is not { } r)
        {
            return null;
        }

        var bytes = buffered.Slice(r.Start, r.Length);
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }
}
