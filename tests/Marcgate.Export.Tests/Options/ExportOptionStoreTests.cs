using Marcgate.Export.Options;

namespace Marcgate.Export.Tests.Options;

public sealed class ExportOptionStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("marcgate-options-").FullName;

    [Fact]
    public void Config_directory_follows_XDG_with_an_override()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/cat", ["XDG_CONFIG_HOME"] = null };
        Assert.Equal("/home/cat/.config/marcgate", ExportOptionStore.ConfigDirectoryFrom(k => env.GetValueOrDefault(k)));
        env["XDG_CONFIG_HOME"] = "/xdg";
        Assert.Equal("/xdg/marcgate", ExportOptionStore.ConfigDirectoryFrom(k => env.GetValueOrDefault(k)));
        env["XDG_CONFIG_HOME"] = "relative/ignored";
        Assert.Equal("/home/cat/.config/marcgate", ExportOptionStore.ConfigDirectoryFrom(k => env.GetValueOrDefault(k)));
        env["MARCGATE_CONFIG_DIR"] = "/tmp/mg";
        Assert.Equal("/tmp/mg", ExportOptionStore.ConfigDirectoryFrom(k => env.GetValueOrDefault(k)));
    }

    [Fact]
    public void Nothing_saved_gives_built_in_defaults()
    {
        var store = new ExportOptionStore(_directory, null);
        var set = store.Load(out var source, out var error)!;
        Assert.Null(error);
        Assert.Equal("built-in defaults", source);
        Assert.Equal(ExportOptions.Default, set.Resolve(null, [], out _));
    }

    [Fact]
    public void Session_overrides_my_default_without_touching_it()
    {
        var session = Path.Combine(_directory, "session.json");
        var store = new ExportOptionStore(_directory, session);
        var mine = new ExportOptionSet();
        Assert.True(mine.TrySet("timeout", "120", out _));
        store.SaveDefault(mine);
        var before = File.ReadAllText(store.DefaultPath);

        Assert.StartsWith("my default", Source(store), StringComparison.Ordinal);
        var forSession = store.Load(out _, out _)!;
        Assert.True(forSession.TrySet("timeout", "5", out _));
        Assert.True(store.TrySaveSession(forSession));

        Assert.StartsWith("session file", Source(store), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), store.Load(out _, out _)!.Resolve(null, [], out _)!.Timeout);
        Assert.Equal(before, File.ReadAllText(store.DefaultPath));
        Assert.Equal(TimeSpan.FromSeconds(120), new ExportOptionStore(_directory, null).Load(out _, out _)!.Resolve(null, [], out _)!.Timeout);
    }

    [Fact]
    public void Save_for_session_needs_a_session_file()
    {
        Assert.False(new ExportOptionStore(_directory, null).TrySaveSession(new ExportOptionSet()));
    }

    [Fact]
    public void Destinations_carry_connection_values_and_overrides_win()
    {
        var set = new ExportOptionSet();
        Assert.True(set.TrySetDestination("network", Pairs(("host", "nz.example.org"), ("port", "5500"), ("logon-id", "01CARLI_NETWORK"), ("password-env", "NZ_PW")), out _));
        Assert.True(set.TrySetDestination("sandbox", Pairs(("host", "sb.example.org"), ("port", "5501"), ("logon-id", "01CARLI_SANDBOX"), ("password-file", "secret.txt")), out _));
        set.CurrentDestination = "network";

        var network = set.Resolve(null, [], out _)!;
        Assert.Equal(("nz.example.org", 5500, "01CARLI_NETWORK", "network"), (network.Host, network.Port, network.LogonId, network.DestinationName));
        Assert.Equal("(from env NZ_PW)", network.Password!.ToString());

        var sandbox = set.Resolve("sandbox", Pairs(("port", "6000")), out _)!;
        Assert.Equal(("sb.example.org", 6000), (sandbox.Host, sandbox.Port));
        Assert.Equal(PasswordSource.File, sandbox.Password!.Kind);
        Assert.True(Path.IsPathRooted(sandbox.Password.Name));
    }

    [Fact]
    public void A_destination_carries_its_tls_settings_with_the_ca_file_made_absolute()
    {
        var set = new ExportOptionSet();
        Assert.True(set.TrySetDestination("network", Pairs(("host", "gw.example.org"), ("port", "5501"), ("logon-id", "NZ"), ("tls", "on"), ("tls-ca", "consortium-ca.pem")), out var error), error);
        Assert.True(set.TrySetDestination("test", Pairs(("host", "test.example.org"), ("logon-id", "NZ"), ("tls", "on"), ("tls-insecure", "on")), out error), error);

        var network = set.Resolve("network", [], out _)!;
        var overridden = set.Resolve("network", Pairs(("tls", "off"), ("tls-ca", "")), out _)!;
        var test = set.Resolve("test", [], out _)!;

        Assert.Equal((true, Path.GetFullPath("consortium-ca.pem"), false), (network.Tls, network.TlsCaFile, network.TlsInsecure));
        Assert.Equal(Path.GetFullPath("consortium-ca.pem"), set.Destinations["network"]["tls-ca"]);
        Assert.Empty(network.Check());
        Assert.Equal((false, null), (overridden.Tls, overridden.TlsCaFile));
        Assert.Equal((true, true), (test.Tls, test.TlsInsecure));
    }

    [Fact]
    public void Unknown_destination_is_named_with_the_known_ones()
    {
        var set = new ExportOptionSet();
        set.TrySetDestination("network", Pairs(("host", "h")), out _);
        Assert.Null(set.Resolve("institution", [], out var error));
        Assert.Equal("destination 'institution' is not defined; the destinations are: network", error);
    }

    [Fact]
    public void A_destination_holds_only_connection_values()
    {
        var set = new ExportOptionSet();
        Assert.False(set.TrySetDestination("network", Pairs(("timeout", "5")), out var error));
        Assert.StartsWith("destination 'network': 'timeout' is not a connection value", error, StringComparison.Ordinal);
        Assert.False(set.TrySetDestination("network", Pairs(("port", "99999")), out error));
        Assert.Equal("destination 'network': port: 99999 is out of range (1-65535)", error);
    }

    [Fact]
    public void Saved_file_holds_the_password_reference_never_the_password()
    {
        const string secret = "s3cr3t-Pa55word";
        Environment.SetEnvironmentVariable("MARCGATE_TEST_STORE_PW", secret);
        var store = new ExportOptionStore(_directory, null);
        var set = new ExportOptionSet();
        Assert.True(set.TrySet("password-env", "MARCGATE_TEST_STORE_PW", out _));
        set.TrySetDestination("network", Pairs(("password-env", "MARCGATE_TEST_STORE_PW")), out _);
        store.SaveDefault(set);

        var text = File.ReadAllText(store.DefaultPath);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("MARCGATE_TEST_STORE_PW", text, StringComparison.Ordinal);
        var resolved = store.Load(out _, out _)!.Resolve("network", [], out _)!;
        Assert.Equal(secret, resolved.Password!.TryResolve(out _));
        Assert.DoesNotContain(secret, resolved.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_password_file_forgets_the_password_variable()
    {
        var set = new ExportOptionSet();
        set.TrySet("password-env", "A", out _);
        set.TrySet("password-file", "/run/secret", out _);
        Assert.False(set.Settings.ContainsKey("password-env"));
        Assert.Equal(PasswordSource.File, set.Resolve(null, [], out _)!.Password!.Kind);
    }

    [Fact]
    public void A_corrupt_file_is_reported_by_path()
    {
        var store = new ExportOptionStore(_directory, null);
        File.WriteAllText(store.DefaultPath, "{ not json");
        Assert.Null(store.Load(out _, out var error));
        Assert.StartsWith(store.DefaultPath + ": not a valid option set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_from_a_secret_file_takes_the_first_line()
    {
        var path = Path.Combine(_directory, "pw");
        File.WriteAllText(path, "line-one\nline-two\n");
        Assert.Equal("line-one", new PasswordReference(PasswordSource.File, path).TryResolve(out _));
        Assert.Null(new PasswordReference(PasswordSource.File, path + ".missing").TryResolve(out var error));
        Assert.StartsWith("password: cannot read the secret file", error, StringComparison.Ordinal);
        Assert.Null(new PasswordReference(PasswordSource.Environment, "MARCGATE_SURELY_UNSET_VAR").TryResolve(out error));
        Assert.Equal("password: the environment variable MARCGATE_SURELY_UNSET_VAR is not set", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Source(ExportOptionStore store)
    {
        store.Load(out var source, out _);
        return source;
    }

    private static KeyValuePair<string, string>[] Pairs(params (string Key, string Value)[] pairs) =>
        [.. pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))];
}
