using System.CommandLine;

namespace Marcgate.Cli;

/// <summary>Every top-level command of the <c>marcgate</c> executable, one file each.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All() =>
    [
        CountCommand.Create(),
        DumpCommand.Create(),
        ConvertCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
        ValidateCommand.Create(),
        ExportCommand.Create(),
        ExportOptionsCommand.Create(),
        SaveFileCommand.Create(),
        RepositoriesCommand.Create(),
        AccountsCommand.Create(),
        ProfilesCommand.Create(),
        RecordsCommand.Create(),
        ReviewCommand.Create(),
        ReceiptsCommand.Create(),
    ];
}
