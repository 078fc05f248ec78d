using System.CommandLine;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary><c>marcgate count FILE…</c>: how many records each file holds.</summary>
internal static class CountCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "ISO 2709 files to count", Arity = ArgumentArity.OneOrMore };
        var command = new Command("count", "Count the records in ISO 2709 files.") { files };
        command.SetAction(parse =>
        {
            var total = 0L;
            foreach (var file in parse.GetValue(files)!)
            {
                using var reader = new Iso2709Reader(file.OpenRead());
                var count = 0L;
                while (reader.Read() is not null)
                {
                    count++;
                }

                Console.Out.WriteLine($"{count}\t{file.Name}");
                total += count;
            }

            return 0;
        });
        return command;
    }
}
