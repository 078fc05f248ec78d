namespace Marcgate.Cli;

/// <summary>
/// The one table of exit codes of the <c>marcgate</c> program, for every command. The root
/// <c>--help</c> prints <see cref="Help"/> once; README.md repeats it.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>Records with errors, or records the host (or the validator) rejected.</summary>
    public const int RecordErrors = 1;

    /// <summary>A usage, configuration or I/O error: a bad command line, an unknown name, a missing or unreadable file, input that is not MARC.</summary>
    public const int Usage = 2;

    /// <summary>An export stopped before every record was delivered (the host refused the logon or could not be reached).</summary>
    public const int PartialDelivery = 3;

    /// <summary>The paragraph the root <c>--help</c> shows.</summary>
    public const string Help =
        "Exit codes: 0 success; 1 records with errors or rejected; 2 usage, configuration or I/O error; 3 partial delivery (an export stopped before every record was sent).";
}
