using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Validate;

/// <summary>Reads each file leniently, validates every record, and writes the report.</summary>
/// <remarks>
/// This thread frames records in input order and writes the report in that order; batches of records are
/// parsed, validated and rendered on the thread pool in between. At most four batches per processor are
/// held, so memory stays flat however large the input. The report is the same byte for byte
/// as when every batch is processed here in turn (<c>parallel: false</c>).
/// </remarks>
internal sealed class ValidateRun(ValidateRequest request, Stream output, TextWriter errors, bool parallel = true)
{
    private static readonly int s_maxBatchesInFlight = 4 * Environment.ProcessorCount;

    private readonly Queue<(ValidateBatch Batch, Task Work)> _inFlight = new();

    // At most one batch per processor runs at a time. The thread pool adds threads when it sees its work queue wait, but
    // more workers than processors only take turns on them (with this thread, which reads and writes), each turn costing
    // caches, and a collection waits for every thread to stop.
    private readonly TaskScheduler _workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount).ConcurrentScheduler;
    private readonly Stack<ValidateBatch> _free = new();
    private readonly IValidateReport _report = request.Json ? new ValidateJsonReport() : new ValidateTextReport();
    private readonly ValidateReportBuffer _buffer = new(1024);
    private bool _sawErrors;

    public int Execute()
    {
        var ioFailed = false;
        _report.Start(_buffer);
        foreach (var path in request.Files)
        {
            if (!RecordInput.TryOpen(path, request.From, "validate", errors, out var input))
            {
                ioFailed = true;
                continue;
            }

            var file = new ValidateFile(path);
            _report.BeginFile(file, _buffer);
            var totals = new ValidateFileTotals();
            var batch = Rent(file, startsFile: true);
            try
            {
                using var opened = input;
                if (input.Format == MarcFormat.Iso2709)
                {
                    using var reader = new Iso2709Reader(input.Stream);
                    while (reader.ReadFrame(batch.StoreFrame) is { } frame)
                    {
                        batch.Add(frame);
                        if (batch.IsFull)
                        {
                            Dispatch(batch, totals);
                            batch = Rent(file, startsFile: false);
                        }
                    }
                }
                else
                {
                    // Other formats are parsed as they are read; only validation and rendering go to the workers.
                    using var reader = input.OpenReader(MarcReaderOptions.Default);
                    while (reader.Read() is { } result)
                    {
                        batch.Add(result);
                        if (batch.IsFull)
                        {
                            Dispatch(batch, totals);
                            batch = Rent(file, startsFile: false);
                        }
                    }
                }
            }
            catch (IOException e)
            {
                errors.WriteLine($"marcgate validate: reading {path} failed: {e.Message}");
                ioFailed = true;
            }

            // Records framed before a read failure are still reported, as they were read.
            if (batch.Count > 0)
            {
                Dispatch(batch, totals);
            }
            else
            {
                _free.Push(batch);
            }

            while (_inFlight.Count > 0)
            {
                WriteOldest(totals);
            }

            _report.EndFile(file, totals, _buffer);
        }

        _report.Finish(_buffer);
        Flush();
        output.Flush();
        return ioFailed ? ValidateCommand.ExitUsageOrIo : _sawErrors ? ValidateCommand.ExitErrorsFound : ValidateCommand.ExitClean;
    }

    private void Dispatch(ValidateBatch batch, ValidateFileTotals totals)
    {
        if (!parallel)
        {
            batch.Process();
            Write(batch, totals);
            return;
        }

        _inFlight.Enqueue((batch, Task.Factory.StartNew(batch.Process, CancellationToken.None, TaskCreationOptions.None, _workers)));
        if (_inFlight.Count >= s_maxBatchesInFlight)
        {
            WriteOldest(totals);
        }
    }

    private void WriteOldest(ValidateFileTotals totals)
    {
        var (batch, work) = _inFlight.Dequeue();

        // Rethrows what went wrong on the worker, as if it had happened here.
        work.GetAwaiter().GetResult();
        Write(batch, totals);
    }

    private void Write(ValidateBatch batch, ValidateFileTotals totals)
    {
        Flush();
        output.Write(batch.Output.Written);
        totals.Add(batch.Totals);
        _sawErrors |= batch.SawErrors;
        _free.Push(batch);
    }

    private ValidateBatch Rent(ValidateFile file, bool startsFile)
    {
        var batch = _free.Count > 0 ? _free.Pop() : new ValidateBatch(request, _report);
        batch.Start(file, startsFile);
        return batch;
    }

    // What this thread rendered (file headers and summaries) goes out before the next batch.
    private void Flush()
    {
        if (_buffer.Length > 0)
        {
            output.Write(_buffer.Written);
            _buffer.Clear();
        }
    }
}
