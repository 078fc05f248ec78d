using System.CommandLine;
using Marcgate.Cli;

var root = new RootCommand("Marcgate: MARC 21 records and the OCLC Gateway Export protocol, both ends.");
foreach (var command in Commands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
