using System.CommandLine;
using Marcgate.Export.Options;

namespace Marcgate.Cli;

/// <summary><c>marcgate export-options show | set | save-default | save-session | reset | destinations</c>: Connexion's General &gt; Admin &gt; Export Options.</summary>
internal static class ExportOptionsCommand
{
    private const int ExitOk = ExitCodes.Ok;
    private const int ExitUsage = ExitCodes.Usage;

    public static Command Create()
    {
        var command = new Command("export-options", """
            Show and change the export settings. My Default lives in $MARCGATE_CONFIG_DIR, else
            $XDG_CONFIG_HOME/marcgate, else ~/.config/marcgate (export-options.json); when $MARCGATE_SESSION
            names a file, that session file overrides My Default without touching it. Passwords are never
            stored: a setting names an environment variable (password-env) or a secret file (password-file).
            """);
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Set("set", "Change settings; written to the session file when a session is active, else to My Default", Target.Working));
        command.Subcommands.Add(Set("save-default", "Save My Default: the settings in effect, with any KEY VALUE changes, become the default", Target.Default));
        command.Subcommands.Add(Set("save-session", "Save for Session: the settings in effect, with any KEY VALUE changes, go to the $MARCGATE_SESSION file only", Target.Session));
        command.Subcommands.Add(Reset());
        command.Subcommands.Add(Destinations());
        return command;
    }

    private enum Target
    {
        Working,
        Default,
        Session,
    }

    private static Command Show()
    {
        var destination = new Option<string>("--destination") { Description = "Show the settings as this destination would apply them" };
        var command = new Command("show", "Show every setting in effect and where it comes from (passwords show only their source)") { destination };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var store = ExportOptionStore.FromEnvironment();
            if (Load(store, parse, out var source) is not { } set)
            {
                return ExitUsage;
            }

            var options = set.Resolve(parse.GetValue(destination), [], out var error);
            if (options is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"marcgate export-options: {error}");
                return ExitUsage;
            }

            output.WriteLine($"# from {source}");
            foreach (var key in ExportOptionKeys.All.Where(k => k.Name is not ("password-env" or "password-file")))
            {
                output.WriteLine($"{key.Name,-30} {key.Show(options)}");
                if (key.Name == "logon-id")
                {
                    output.WriteLine($"{"password",-30} {options.Password?.ToString() ?? "(none)"}");
                }
            }

            output.WriteLine($"{"destination",-30} {options.DestinationName ?? "(none)"}");
            foreach (var problem in options.Check())
            {
                output.WriteLine($"# note: {problem}");
            }

            return ExitOk;
        });
        return command;
    }

    private static Command Set(string name, string description, Target target)
    {
        var pairs = new Argument<string[]>("KEY VALUE") { Description = "Settings and their values: " + string.Join(", ", ExportOptionKeys.All.Select(k => k.Name)), Arity = target == Target.Working ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore };
        var command = new Command(name, description) { pairs };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var store = ExportOptionStore.FromEnvironment();
            if (target == Target.Session && store.SessionPath is null)
            {
                error.WriteLine($"marcgate export-options: Save for Session needs a session file: set {ExportOptionStore.SessionVariable}=PATH in this shell first");
                return ExitUsage;
            }

            if (Load(store, parse, out _) is not { } set || !Apply(set, parse.GetValue(pairs) ?? [], error))
            {
                return ExitUsage;
            }

            var path = target switch { Target.Default => store.DefaultPath, Target.Session => store.SessionPath!, _ => store.WorkingPath };
            return Save(set, path, parse);
        });
        return command;
    }

    private static Command Reset()
    {
        var all = new Option<bool>("--all") { Description = "Also forget the named destinations" };
        var command = new Command("reset", "Reset to the built-in defaults (in the session file when a session is active, else My Default); destinations are kept unless --all") { all };
        command.SetAction(parse =>
        {
            var store = ExportOptionStore.FromEnvironment();
            if (Load(store, parse, out _) is not { } set)
            {
                return ExitUsage;
            }

            set.Settings.Clear();
            if (parse.GetValue(all))
            {
                set.Destinations.Clear();
                set.CurrentDestination = null;
            }

            return Save(set, store.WorkingPath, parse);
        });
        return command;
    }

    private static Command Destinations()
    {
        var command = new Command("destinations", "Named destinations, each with host, port, logon-id, password-env or password-file, and user-id");
        var list = new Command("list", "List the destinations (the one in use is marked *)");
        list.SetAction(ListDestinations);
        command.Subcommands.Add(list);
        command.SetAction(ListDestinations);

        var addName = new Argument<string>("NAME") { Description = "The destination's name, e.g. network, institution, sandbox" };
        var addPairs = new Argument<string[]>("KEY VALUE") { Description = "host, port, logon-id, password-env, password-file, user-id and their values", Arity = ArgumentArity.ZeroOrMore };
        var add = new Command("add", "Define or update a destination") { addName, addPairs };
        add.SetAction(parse => Change(parse, set =>
        {
            var pairs = parse.GetValue(addPairs) ?? [];
            if (pairs.Length % 2 != 0)
            {
                return $"'{pairs[^1]}' has no value: give KEY VALUE pairs";
            }

            var values = Enumerable.Range(0, pairs.Length / 2).Select(i => KeyValuePair.Create(pairs[2 * i], pairs[(2 * i) + 1]));
            return set.TrySetDestination(parse.GetValue(addName)!, values, out var error) ? null : error;
        }));
        command.Subcommands.Add(add);

        var removeName = new Argument<string>("NAME") { Description = "The destination to remove" };
        var remove = new Command("remove", "Remove a destination") { removeName };
        remove.SetAction(parse => Change(parse, set =>
        {
            var name = parse.GetValue(removeName)!;
            if (!set.Destinations.Remove(name))
            {
                return $"destination '{name}' is not defined";
            }

            if (set.CurrentDestination == name)
            {
                set.CurrentDestination = null;
            }

            return null;
        }));
        command.Subcommands.Add(remove);

        var useName = new Argument<string>("NAME") { Description = "The destination to use when --destination is not given" };
        var use = new Command("use", "Choose the destination in use") { useName };
        use.SetAction(parse => Change(parse, set =>
        {
            var name = parse.GetValue(useName)!;
            if (!set.Destinations.ContainsKey(name))
            {
                return $"destination '{name}' is not defined; the destinations are: {string.Join(", ", set.Destinations.Keys)}";
            }

            set.CurrentDestination = name;
            return null;
        }));
        command.Subcommands.Add(use);
        return command;
    }

    private static int ListDestinations(ParseResult parse)
    {
        if (Load(ExportOptionStore.FromEnvironment(), parse, out _) is not { } set)
        {
            return ExitUsage;
        }

        foreach (var (name, values) in set.Destinations)
        {
            var shown = set.Resolve(name, [], out _);
            var password = shown?.Password?.ToString() ?? "(no password)";
            var mark = name == set.CurrentDestination ? "*" : " ";
            parse.InvocationConfiguration.Output.WriteLine($"{mark} {name,-14} {values.GetValueOrDefault("host", "?")}:{values.GetValueOrDefault("port", "5500")} logon-id={values.GetValueOrDefault("logon-id", "")} password={password}");
        }

        return ExitOk;
    }

    private static int Change(ParseResult parse, Func<ExportOptionSet, string?> change)
    {
        var store = ExportOptionStore.FromEnvironment();
        if (Load(store, parse, out _) is not { } set)
        {
            return ExitUsage;
        }

        if (change(set) is { } problem)
        {
            parse.InvocationConfiguration.Error.WriteLine($"marcgate export-options: {problem}");
            return ExitUsage;
        }

        return Save(set, store.WorkingPath, parse);
    }

    private static bool Apply(ExportOptionSet set, string[] pairs, TextWriter error)
    {
        if (pairs.Length % 2 != 0)
        {
            error.WriteLine($"marcgate export-options: '{pairs[^1]}' has no value: give KEY VALUE pairs");
            return false;
        }

        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (!set.TrySet(pairs[i], pairs[i + 1], out var problem))
            {
                error.WriteLine($"marcgate export-options: {problem}");
                return false;
            }
        }

        return true;
    }

    private static ExportOptionSet? Load(ExportOptionStore store, ParseResult parse, out string source)
    {
        var set = store.Load(out source, out var error);
        if (set is null)
        {
            parse.InvocationConfiguration.Error.WriteLine($"marcgate export-options: {error}");
        }

        return set;
    }

    private static int Save(ExportOptionSet set, string path, ParseResult parse)
    {
        try
        {
            set.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"marcgate export-options: cannot write {path}: {e.Message}");
            return ExitUsage;
        }

        parse.InvocationConfiguration.Output.WriteLine($"Saved to {path}");
        return ExitOk;
    }
}
