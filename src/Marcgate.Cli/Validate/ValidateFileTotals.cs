namespace Marcgate.Cli.Validate;

/// <summary>Counts for one validated file, or for one batch of its records.</summary>
internal sealed class ValidateFileTotals
{
    public int Records { get; private set; }

    public int RecordsWithErrors { get; private set; }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Add(int errors, int warnings)
    {
        Records++;
        RecordsWithErrors += errors > 0 ? 1 : 0;
        Errors += errors;
        Warnings += warnings;
    }

    public void Add(ValidateFileTotals batch)
    {
        Records += batch.Records;
        RecordsWithErrors += batch.RecordsWithErrors;
        Errors += batch.Errors;
        Warnings += batch.Warnings;
    }
}
