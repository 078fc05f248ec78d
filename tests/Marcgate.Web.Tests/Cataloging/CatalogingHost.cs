using System.Globalization;
using System.Net;
using Marcgate.Web.Tests.Browser;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>
/// One <c>marcgate serve</c> process for a test class, gateway and web over a SQLite catalog in a temporary folder: a
/// repository with the gateway logon catalogers export with, catalogers added by <c>marcgate users add</c>, and a
/// recording relay in front of the gateway port.
/// </summary>
public sealed class CatalogingHost : IAsyncLifetime
{
    public const string Repository = "NETWORK";
    public const string LogonId = "01CARLI_NETWORK";
    public const string GatewayPassword = "network secret";
    public const string CatalogerPassword = "cataloger password";

    /// <summary>The catalogers <c>marcgate users add</c> added, one for each walkthrough.</summary>
    public static readonly string[] Catalogers = ["100-123-456", "100-123-789"];

    private readonly string _work = Directory.CreateTempSubdirectory("marcgate-cataloging-").FullName;
    private ServeHost? _serve;
    private RecordingRelay? _relay;

    public string Data => Path.Combine(_work, "data");

    public string Work => _work;

    public ServeHost Serve => _serve!;

    /// <summary>Forwards to the serve's gateway port, counting connections.</summary>
    public RecordingRelay Relay => _relay!;

    public string GatewayPort => Serve.GatewayPort.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await RunOkAsync(["repositories", "add", Repository]);
        await RunOkAsync(["accounts", "add", "--logon-id", LogonId, "--repository", Repository, "--password-stdin"], GatewayPassword);
        foreach (var name in Catalogers)
        {
            await RunOkAsync(["users", "add", name, "--role", "cataloger", "--password-stdin"], CatalogerPassword);
        }

        _serve = await ServeHost.StartAsync(Data);
        _relay = RecordingRelay.Start(new IPEndPoint(IPAddress.Loopback, _serve.GatewayPort));
    }

    /// <summary>Runs a <c>marcgate</c> command against the serve's data directory; the value is what it printed.</summary>
    public async Task<string> RunOkAsync(string[] arguments, string? input = null)
    {
        var (exit, output) = await ServeHost.RunAsync([.. arguments, "--data", Data], input);
        Assert.True(exit == 0, $"marcgate {string.Join(' ', arguments)}: exit {exit}\n{output}\n{_serve?.Log}");
        return output;
    }

    public async Task DisposeAsync()
    {
        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }

        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }
}
