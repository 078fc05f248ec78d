namespace Marcgate.Cli.Admin;

/// <summary>Exit codes shared by the administration commands; each command's help lists them.</summary>
internal static class AdminExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line does not parse (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>The repository, account, profile or record named does not exist.</summary>
    public const int NotFound = 2;

    /// <summary>The request is refused: a name already taken, a bad value, passwords that differ, no terminal to prompt on.</summary>
    public const int Refused = 3;

    /// <summary>The data directory cannot be opened as a Marcgate catalog.</summary>
    public const int DataUnavailable = 4;

    /// <summary>The help paragraph naming the codes, appended to each command's description.</summary>
    public const string Help = "Exit codes: 0 done; 1 bad command line; 2 repository, account, profile or record not found; 3 refused (name taken, bad value, passwords differ); 4 data directory unusable.";
}
