using System.CommandLine;
using Marcgate.Catalog.Storage;

namespace Marcgate.Cli.Admin;

/// <summary>The <c>--repository NAME (--oclc N | --id ID)</c> options that pick one stored record.</summary>
internal sealed class RecordSelector
{
    public Option<string> Repository { get; } = new("--repository") { Description = "The repository holding the record.", Required = true };

    public Option<string> Oclc { get; } = new("--oclc") { Description = "The record's OCLC number (ocm/ocn/on prefixes and leading zeros are ignored); cancelled numbers (019, 035 $z) find it too." };

    public Option<string> Id { get; } = new("--id") { Description = "The record's identifier, e.g. 000123." };

    public void AddTo(Command command)
    {
        command.Options.Add(Repository);
        command.Options.Add(Oclc);
        command.Options.Add(Id);
    }

    /// <summary>The record's identifier, or null with an exit code after writing why.</summary>
    public async Task<(RecordId? Id, int ExitCode)> ResolveAsync(ParseResult parse, AdminSession session, CancellationToken cancellationToken)
    {
        var repository = parse.GetValue(Repository)!;
        var oclcText = parse.GetValue(Oclc);
        var idText = parse.GetValue(Id);
        if ((oclcText is null) == (idText is null))
        {
            return (null, session.Fail(ExitCodes.Usage, "Give exactly one of --oclc N and --id ID."));
        }

        if (!await session.Store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return (null, session.Fail(ExitCodes.Usage, $"Repository '{repository}' does not exist; 'marcgate repositories list' shows them."));
        }

        if (idText is not null)
        {
            if (!RecordId.TryParse(idText, out var id))
            {
                return (null, session.Fail(ExitCodes.Usage, $"--id '{idText}' is not a record identifier (digits, e.g. 000123)."));
            }

            return await session.Store.GetRecordAsync(repository, id, cancellationToken).ConfigureAwait(false) is null
                ? (null, session.Fail(ExitCodes.Usage, $"Repository {repository} has no record {id}."))
                : (id, ExitCodes.Ok);
        }

        if (!OclcNumber.TryParse(oclcText, out var number))
        {
            return (null, session.Fail(ExitCodes.Usage, $"--oclc '{oclcText}' is not an OCLC number (digits, optionally (OCoLC), ocm, ocn or on before them)."));
        }

        var found = await session.Store.FindByOclcNumbersAsync(repository, [number], cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            0 => (null, session.Fail(ExitCodes.Usage, $"Repository {repository} has no record with OCLC number {number}.")),
            1 => (found[0].Id, ExitCodes.Ok),
            _ => (null, session.Fail(ExitCodes.Usage, $"OCLC number {number} is on {found.Count} records of {repository} ({string.Join(", ", found.Select(r => r.Id))}); use --id.")),
        };
    }
}
