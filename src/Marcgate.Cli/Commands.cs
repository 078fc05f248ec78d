using System.CommandLine;
using Marcgate.Cli.Validate;

namespace Marcgate.Cli;

/// <summary>Every top-level command of the <c>marcgate</c> executable, one file each, in the order <c>--help</c> lists them: the host, its administration, the exporter, then the MARC tools.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All() =>
    [
        ServeCommand.Create(),
        RepositoriesCommand.Create(),
        AccountsCommand.Create(),
        UsersCommand.Create(),
        ProfilesCommand.Create(),
        RecordsCommand.Create(),
        ImportCommand.Create(),
        ReviewCommand.Create(),
        ReceiptsCommand.Create(),
        AuditCommand.Create(),
        DbCommand.Create(),
        BackupCommand.Create(),
        ExportCommand.Create(),
        ExportOptionsCommand.Create(),
        SaveFileCommand.Create(),
        ConvertCommand.Create(),
        DumpCommand.Create(),
        CountCommand.Create(),
        ValidateCommand.Create(),
        BenchCommand.Create(),
    ];
}
