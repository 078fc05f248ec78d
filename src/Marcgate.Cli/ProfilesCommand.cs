using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary><c>marcgate profiles set | list</c>: import profiles, the rules of gateway §7 steps 3-5 that accounts refer to.</summary>
internal static class ProfilesCommand
{
    private static readonly Dictionary<string, MergeMethod> s_mergeMethods = new(StringComparer.Ordinal)
    {
        ["overlay-all-but-local"] = MergeMethod.OverlayAllButLocal,
        ["replace"] = MergeMethod.Replace,
        ["keep-existing"] = MergeMethod.KeepExisting,
    };

    public static Command Create()
    {
        var command = new Command("profiles", $"Import profiles: validation level, fields to delete, 019 to 035 $z, matching, merge method, no-match action, protected local fields, encoding-level guard. Accounts without a profile use '{ImportOptions.DefaultProfileName}'.");
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(ProfilesShowCommand.Create());
        command.Subcommands.Add(ProfilesRemoveCommand.Create());
        return command;
    }

    private static Command CreateSet()
    {
        var name = new Argument<string>("NAME") { Description = "The profile's name." };
        var level = new Option<string>("--validation-level") { Description = "none, structure (default), basic or full.", DefaultValueFactory = _ => "structure" };
        level.AcceptOnlyFromAmong("none", "structure", "basic", "full");
        var delete = new Option<string[]>("--delete") { Description = "Tags or patterns deleted from incoming records, separated by commas or spaces, e.g. 029,938,9XX.", AllowMultipleArgumentsPerToken = true };
        var protect = new Option<string[]>("--protect") { Description = "Tags or patterns kept from the stored record on overlay, besides 9XX, separated by commas or spaces, e.g. 59X,856.", AllowMultipleArgumentsPerToken = true };
        var merge = new Option<string>("--merge") { Description = "overlay-all-but-local (default), replace or keep-existing.", DefaultValueFactory = _ => "overlay-all-but-local" };
        merge.AcceptOnlyFromAmong([.. s_mergeMethods.Keys]);
        var noMatch = new Option<string>("--no-match") { Description = "add (default) or reject a record that matches nothing.", DefaultValueFactory = _ => "add" };
        noMatch.AcceptOnlyFromAmong("add", "reject");
        var keep019 = new Option<bool>("--no-019-to-035z") { Description = "Do not copy 019 $a to 035 $z as cancelled OCLC numbers." };
        var noMatching = new Option<bool>("--no-oclc-matching") { Description = "Do not match on OCLC numbers: every record is added." };
        var allowLower = new Option<bool>("--allow-lower-encoding-level") { Description = "Let a briefer record (leader/17) overlay a fuller one." };
        var data = DataDirectory.CreateOption();
        var command = new Command("set", "Create or replace a profile; options not given take their defaults.")
        {
            name, level, delete, protect, merge, noMatch, keep019, noMatching, allowLower, data,
        };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Setup, cancellationToken, async session =>
        {
            var profileName = parse.GetValue(name)!;
            var profile = new ImportProfile(profileName)
            {
                ValidationLevel = Enum.Parse<ValidationLevel>(parse.GetValue(level)!, ignoreCase: true),
                FieldsToDelete = parse.GetValue(delete) ?? [],
                ProtectedFields = parse.GetValue(protect) ?? [],
                MergeMethod = s_mergeMethods[parse.GetValue(merge)!],
                NoMatchAction = parse.GetValue(noMatch) == "reject" ? NoMatchAction.Reject : NoMatchAction.Add,
                CopyCancelledNumbers = !parse.GetValue(keep019),
                MatchOnOclcNumbers = !parse.GetValue(noMatching),
                AllowLowerEncodingLevel = parse.GetValue(allowLower),
            };
            var saved = await new CatalogAdministration(session.Store, LocalActor.Current).SaveProfileAsync(profile, cancellationToken).ConfigureAwait(false);
            if (saved.Value is not { } stored)
            {
                return session.Report(saved);
            }

            session.Out.WriteLine($"Saved profile {stored.Name}: {Describe(stored)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateList()
    {
        var data = DataDirectory.CreateOption();
        var command = new Command("list", "List the saved profiles.") { data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            foreach (var profile in await session.Store.ListProfilesAsync(cancellationToken).ConfigureAwait(false))
            {
                session.Out.WriteLine($"{profile.Name}\t{Describe(profile)}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static string Describe(ImportProfile profile)
    {
        var merge = s_mergeMethods.First(m => m.Value == profile.MergeMethod).Key;
        var delete = profile.FieldsToDelete.Count == 0 ? "-" : string.Join(",", profile.FieldsToDelete);
        var protect = string.Join(",", new[] { TagPattern.LocalFields.Text }.Concat(profile.ProtectedFields).Distinct(StringComparer.OrdinalIgnoreCase));
        return $"validation={profile.ValidationLevel.ToString().ToLowerInvariant()} delete={delete} 019-to-035z={Yes(profile.CopyCancelledNumbers)} "
            + $"match-oclc={Yes(profile.MatchOnOclcNumbers)} merge={merge} no-match={profile.NoMatchAction.ToString().ToLowerInvariant()} "
            + $"protect={protect} allow-lower-encoding-level={Yes(profile.AllowLowerEncodingLevel)}";
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
