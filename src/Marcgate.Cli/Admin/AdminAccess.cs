namespace Marcgate.Cli.Admin;

/// <summary>What an administration command may do to the data directory named by <c>--data</c>.</summary>
internal enum AdminAccess
{
    /// <summary>The catalog must already be there: the command only reads, or changes what must exist. Without one it says so and creates nothing.</summary>
    Existing,

    /// <summary>The command sets the catalog up: it creates the directory and the database when they are missing.</summary>
    Setup,
}
