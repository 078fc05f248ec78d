using System.CommandLine;
using Marcgate.Catalog.Import;
using Marcgate.Cli.Admin;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary>
/// <c>marcgate import FILE… --repository R [--profile P]</c>: loads record files into a repository through the gateway's
/// import pipeline (gateway §7 steps 2–9), so a record is matched, merged and versioned exactly as if a cataloger had exported it.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Record files (ISO 2709, MARCXML, MARC-in-JSON or .mrk); '-' reads standard input", Arity = ArgumentArity.OneOrMore };
        var repository = new Option<string>("--repository") { Description = "The repository to import into", Required = true };
        var profile = new Option<string>("--profile")
        {
            Description = $"The import profile whose rules match, merge and validate (default '{ImportOptions.DefaultProfileName}')",
            DefaultValueFactory = _ => ImportOptions.DefaultProfileName,
        };
        var from = RecordInput.FromOption();
        var data = DataDirectory.CreateOption();
        var command = new Command(
            "import",
            "Import record files into a repository as the gateway does: match on OCLC numbers, merge, keep versions; a record already stored identically is unchanged.\n"
            + "Ends with a summary by outcome; rejected records are listed on standard error.")
        {
            files,
            repository,
            profile,
            from,
            data,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!RecordInput.TryParseFrom(parse.GetValue(from), out var format, out var problem))
            {
                parse.InvocationConfiguration.Error.WriteLine($"marcgate import: {problem}");
                return Task.FromResult(ExitCodes.Usage);
            }

            ImportProcessTuning.RestartWithoutBackgroundCollection();
            return AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            {
                var target = parse.GetValue(repository)!;
                var profileName = parse.GetValue(profile)!;
                if (!await session.Store.RepositoryExistsAsync(target, cancellationToken).ConfigureAwait(false))
                {
                    return session.Fail(ExitCodes.Usage, $"marcgate import: repository '{target}' does not exist; add it with 'marcgate repositories add {target}'.");
                }

                if (profileName != ImportOptions.DefaultProfileName && await session.Store.GetProfileAsync(profileName, cancellationToken).ConfigureAwait(false) is null)
                {
                    return session.Fail(ExitCodes.Usage, $"marcgate import: import profile '{profileName}' does not exist.");
                }

                var inputs = new List<RecordInput>();
                try
                {
                    foreach (var file in parse.GetValue(files)!)
                    {
                        if (!RecordInput.TryOpen(file, format, "import", session.Error, out var input))
                        {
                            return ExitCodes.Usage;
                        }

                        inputs.Add(input);
                    }

                    var run = new ImportRun(new GatewayImportService(session.Store, MarcValidator.Instance), target, profileName, session.Error, ShowsProgress(session.Error));
                    using var tuning = ImportProcessTuning.Apply();
                    foreach (var input in inputs)
                    {
                        try
                        {
                            await run.ImportAsync(input, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            run.EndProgress();
                            session.Out.WriteLine(run.Summary());
                            return session.Fail(ExitCodes.Usage, $"marcgate import: {input.Name}: cannot read: {e.Message}");
                        }
                    }

                    run.EndProgress();
                    session.Out.WriteLine(run.Summary());
                    return run.Rejected > 0 ? ExitCodes.RecordErrors : ExitCodes.Ok;
                }
                finally
                {
                    inputs.ForEach(i => i.Dispose());
                }
            });
        });
        return command;
    }

    // A progress line only where a person watches; scripts and logs get the summary alone.
    private static bool ShowsProgress(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
}
