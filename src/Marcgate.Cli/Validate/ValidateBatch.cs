using System.Runtime.CompilerServices;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Cli.Validate;

/// <summary>Consecutive records of one file: parsed, validated and rendered together on a worker thread.</summary>
/// <remarks>Batches are reused, file after file, so that their buffers are allocated once.</remarks>
internal sealed class ValidateBatch(ValidateRequest request, IValidateReport report)
{
    // Big enough that handing a batch between threads costs little per record, small enough to keep memory flat.
    public const int MaxRecords = 256;
    public const int MaxBytes = 256 * 1024;

    private readonly List<Iso2709Frame> _frames = new(MaxRecords);

    // Records of the other formats, read on the main thread: a batch holds frames or results, never both (one file, one format).
    private readonly List<MarcReadResult> _results = [];
    private readonly List<ValidationDiagnostic> _findings = [];

    // Records are dropped once their report is rendered: their fields are filled again by the next records.
    private readonly MarcRecordRecycler _recycler = new();
    private ValidateFile? _file;
    private bool _startsFile;
    private int _bytes;

    // The frames' bytes, one after another: reused batch after batch instead of an array per record.
    private byte[] _store = new byte[MaxBytes + (64 * 1024)];
    private int _stored;
    private Func<int, Memory<byte>>? _storeFrame;

    public bool IsFull => Count >= MaxRecords || _bytes >= MaxBytes;

    public int Count => _frames.Count + _results.Count;

    // A report is usually smaller than the records it speaks of: sized once for a full batch rather than grown to it.
    public ValidateReportBuffer Output { get; } = new(MaxBytes);

    public ValidateFileTotals Totals { get; private set; } = new();

    public bool SawErrors { get; private set; }

    /// <summary>Empties the batch for records of this file; <paramref name="startsFile"/> when its first record is the file's first.</summary>
    public void Start(ValidateFile file, bool startsFile)
    {
        _file = file;
        _startsFile = startsFile;
        _frames.Clear();
        _results.Clear();
        _bytes = 0;
        _stored = 0;
        Output.Clear();
        Totals = new ValidateFileTotals();
        SawErrors = false;
    }

    /// <summary>Gives room for the next frame's bytes (<see cref="Iso2709Reader.ReadFrame(Func{int, Memory{byte}})"/>).</summary>
    public Func<int, Memory<byte>> StoreFrame => _storeFrame ??= Store;

    private Memory<byte> Store(int length)
    {
        if (_store.Length - _stored < length)
        {
            // Frames already stored keep the old array alive until they are parsed.
            _store = new byte[Math.Max(_store.Length, length)];
            _stored = 0;
        }

        var memory = _store.AsMemory(_stored, length);
        _stored += length;
        return memory;
    }

    public void Add(Iso2709Frame frame)
    {
        _frames.Add(frame);
        _bytes += frame.Bytes.Length;
    }

    /// <summary>Adds a record read from MARCXML, MARC-in-JSON or mnemonic text.</summary>
    public void Add(MarcReadResult result) => _results.Add(result);

    // The per-record path is compiled fully optimised on first use (see MarcValidator).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process()
    {
        foreach (var frame in _frames)
        {
            var result = frame.Parse(_recycler);
            SawErrors |= ValidateOne(result);
            if (result.Record is { } record)
            {
                _recycler.Return(record);
            }
        }

        _frames.Clear();
        foreach (var result in _results)
        {
            SawErrors |= ValidateOne(result);
        }

        _results.Clear();
    }

    // The MARC-8 problems convert reports (MARC013, MARC014) are the reader's diagnostics of a MARC-8 record: validate says them too.
    private static MarcReadResult WithMarc8Problems(MarcReadResult result, MarcRecord record)
    {
        var problems = new List<MarcDiagnostic>();
        MarcCharsetConverter.ReportMarc8Problems(record, problems, result.RecordNumber);
        return problems.Count == 0 ? result : result with { Diagnostics = [.. result.Diagnostics, .. problems] };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ValidateOne(MarcReadResult result)
    {
        // One list for the batch's findings, record after record: the report is rendered before the next record.
        var findings = _findings;
        findings.Clear();
        if (result.Record is { } record)
        {
            MarcValidator.Instance.Validate(record, request.Level, request.Kind ?? MarcRecordKinds.FromLeader(record.Leader), findings);
            if (request.Level != ValidationLevel.None && !record.Leader.IsUnicode)
            {
                result = WithMarc8Problems(result, record);
            }
        }

        var errorCount = 0;
        var warningCount = 0;
        var diagnostics = result.Diagnostics;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Severity == MarcSeverity.Error)
            {
                errorCount++;
            }
            else
            {
                warningCount++;
            }
        }

        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Severity == ValidationSeverity.Error)
            {
                errorCount++;
            }
            else
            {
                warningCount++;
            }
        }

        if (result.Record is null)
        {
            // A record the reader could not recover is an error whatever it said.
            errorCount = Math.Max(errorCount, 1);
        }

        Totals.Add(errorCount, warningCount);
        var firstOfFile = _startsFile;
        _startsFile = false;
        report.Record(_file!, result, firstOfFile, findings, errorCount, warningCount, Output);
        return errorCount > 0;
    }
}
