using System.Text.Json;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Fuzz;

/// <summary>
/// The bytes a client sends on one connection, read as the host's session reads them (gateway §5): requests taken
/// in turn, the settle time and the client's close when the reader waits, and each record parsed as the import does.
/// </summary>
internal sealed class GatewayTarget : FuzzTarget
{
    private const byte RecordTerminator = 0x1D;

    private static readonly MarcReaderOptions s_importOptions = new() { MaxRecordBytes = 16 * 1024, MaxFields = 500 };

    // A small limit, so that short inputs reach the too-large answer.
    private readonly GatewayRequestReader _reader = new(new GatewayRequestReaderOptions { MaxRequestBytes = 8 * 1024 });

    public override string Name => "gateway";

    public override string Description => "gateway requests on one connection as the session reads them, each record parsed and converted as the import does";

    public override IEnumerable<string> SeedSources => ["testdata/gateway/requests.json"];

    // The request vectors are hex in JSON: each is one seed.
    public override IEnumerable<byte[]> SeedsFrom(string path, byte[] content)
    {
        if (!path.EndsWith(".json", StringComparison.Ordinal))
        {
            return [content];
        }

        using var document = JsonDocument.Parse(content);
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => Convert.FromHexString(v.GetProperty("hex").GetString()!))
            .ToList();
    }

    protected override void Execute(ReadOnlySpan<byte> input)
    {
        CheckSplit(input);
        var offset = 0;
        var state = GatewayInput.Open;
        // Every turn consumes bytes or moves the input state on (Open, Quiet, Ended); a reader that does neither would
        // keep the session waiting forever.
        for (var turns = 0; offset < input.Length; turns++)
        {
            if (turns > (2 * input.Length) + 4)
            {
                throw new FuzzFinding($"gateway: no progress at byte {offset} after {turns} reads");
            }

            var rest = input[offset..];
            var result = _reader.Read(rest, state);
            switch (result.Status)
            {
                case GatewayReadStatus.Complete:
                    CheckComplete(result, rest.Length);
                    Import(result.Request!);
                    offset += result.Consumed;
                    state = state == GatewayInput.Quiet ? GatewayInput.Open : state;
                    break;
                case GatewayReadStatus.Idle:
                    if (result.Consumed <= 0 || result.Consumed > rest.Length)
                    {
                        throw new FuzzFinding($"gateway: idle consumed {result.Consumed} of {rest.Length} bytes");
                    }

                    offset += result.Consumed;
                    break;
                case GatewayReadStatus.Invalid:
                    if (string.IsNullOrEmpty(result.ErrorCode) || string.IsNullOrEmpty(result.ErrorMessage))
                    {
                        throw new FuzzFinding("gateway: invalid without a code and a message");
                    }

                    // The session answers and closes: framing is lost.
                    return;
                case GatewayReadStatus.CompleteIfQuiet:
                    // The settle time passes with nothing new. Once quiet or closed the reader must decide: the session
                    // would wait for quiet again, or drop the request unanswered.
                    state = state == GatewayInput.Open ? GatewayInput.Quiet
                        : throw new FuzzFinding($"gateway: still waiting to settle with the input {state}");
                    break;
                case GatewayReadStatus.NeedMoreData:
                    if (state == GatewayInput.Ended)
                    {
                        // A request cut short by the client's close: the session closes too.
                        return;
                    }

                    // Everything was sent: the client's close is what comes next.
                    state = GatewayInput.Ended;
                    break;
            }
        }
    }

    // The answer is a function of the bytes (gateway §5): a request complete in a prefix is the same request in the whole.
    private void CheckSplit(ReadOnlySpan<byte> input)
    {
        if (input.Length < 2)
        {
            return;
        }

        var split = input[^1] % input.Length;
        var early = _reader.Read(input[..split], GatewayInput.Open);
        if (early.Status is not (GatewayReadStatus.Complete or GatewayReadStatus.Invalid))
        {
            return;
        }

        var whole = _reader.Read(input, GatewayInput.Open);
        if (whole.Status != early.Status || whole.Consumed != early.Consumed
            || (early.Request is { } a && !a.Record.Span.SequenceEqual(whole.Request!.Record.Span)))
        {
            throw new FuzzFinding($"gateway: {split} bytes read {early.Status} ({early.Consumed}), all {input.Length} read {whole.Status} ({whole.Consumed})");
        }
    }

    private static void CheckComplete(GatewayReadResult result, int available)
    {
        if (result.Request is not { } request || result.Consumed <= 0 || result.Consumed > available)
        {
            throw new FuzzFinding($"gateway: complete with {result.Consumed} of {available} bytes consumed and request {(result.Request is null ? "missing" : "present")}");
        }

        // gateway §3: the record runs from its leader through its terminator.
        if (request.Record.IsEmpty || request.Record.Span[^1] != RecordTerminator || request.Record.Length > result.Consumed)
        {
            throw new FuzzFinding($"gateway: a record of {request.Record.Length} bytes not ending in 0x1D, in {result.Consumed} bytes consumed");
        }
    }

    // As the import reads what the session hands it (ReceivedRecord): one record, parsed, then converted to Unicode.
    private static void Import(GatewayRequest request)
    {
        var diagnostics = new List<MarcDiagnostic>();
        if (Iso2709RecordParser.Parse(request.Record.Span, s_importOptions, 1, 0, diagnostics) is { } record)
        {
            _ = MarcCharsetConverter.ToUnicode(record, diagnostics, 1);
        }

        _ = request.EffectiveLogonId;
        _ = request.ToString();
    }
}
