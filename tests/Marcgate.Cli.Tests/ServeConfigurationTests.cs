using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary><c>marcgate serve</c> checks its configuration at start: a mistake is one message naming the setting and its file, exit 2, and nothing started or created.</summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private readonly ExportCliRunner _cli = new();

    public ServeConfigurationTests()
    {
        _cli.WorkingDirectory = _cli.Directory;
    }

    private string Settings => Path.Combine(_cli.Directory, "appsettings.json");

    private string Data => Path.Combine(_cli.Directory, "catalog");

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("""{ "Gateway": { "Port": 5612, } x }""", "appsettings.json: line 1, position 32: 'x' is invalid after a value.")]
    [InlineData("{\n  \"Gateway\": {\n    \"Port\": 5612\n    \"IdleTimeout\": \"00:00:30\"\n  }\n}", "appsettings.json: line 4, position 5: ")]
    [InlineData("""{ "Gateway": { "Lsten": [ "127.0.0.1:0" ] } }""", "unknown setting 'Gateway:Lsten' (in {file}); did you mean 'Listen'?")]
    [InlineData("""{ "Gatway": { "Listen": [ "127.0.0.1:0" ] } }""", "unknown setting 'Gatway' (in {file}); did you mean 'Gateway'?")]
    [InlineData("""{ "Import": { "Lockout": { "Windw": "00:10:00" } } }""", "unknown setting 'Import:Lockout:Windw' (in {file}); did you mean 'Window'?")]
    [InlineData("""{ "Gateway": { "IdleTimeout": "30s" } }""", "setting 'Gateway:IdleTimeout' (in {file}) is '30s', not a duration such as 00:00:30 (hh:mm:ss)")]
    [InlineData("""{ "Gateway": { "MaxConnections": "many" } }""", "setting 'Gateway:MaxConnections' (in {file}) is 'many', not a whole number")]
    [InlineData("""{ "Gateway": { "Port": [ 5500 ] } }""", "setting 'Gateway:Port' (in {file}) must be a single value, not a list or a section")]
    [InlineData("""{ "Gateway": { "Listen": [ "127.0.0.1" ] } }""", "setting 'Gateway:Listen' (in {file}): '127.0.0.1' is not ADDR:PORT")]
    [InlineData("""{ "Gateway": { "Listen": "300.1.1.1:5500" } }""", "setting 'Gateway:Listen' (in {file}): '300.1.1.1:5500': '300.1.1.1' is not an IP address")]
    [InlineData("""{ "Gateway": { "SettleTime": "00:01:00" } }""", "setting 'Gateway:SettleTime' (in {file}): SettleTime ('00:01:00') must be less than '00:00:30'")]
    [InlineData("""{ "Gateway": { "Tls": { "Listen": [ "127.0.0.1" ] } } }""", "setting 'Gateway:Tls:Listen' (in {file}): '127.0.0.1' is not ADDR:PORT")]
    [InlineData("""{ "Gateway": { "Tls": { "Listen": "127.0.0.1:0", "KeyFile": "host.key" } } }""", "setting 'Gateway:Tls:CertificateFile': TLS listeners need a certificate and a key: Tls:CertificateFile is not set")]
    [InlineData("""{ "Gateway": { "Tls": { "Certificate": "host.pem" } } }""", "unknown setting 'Gateway:Tls:Certificate' (in {file}); did you mean 'CertificateFile'?")]
    [InlineData("""{ "Gateway": { "Listen": [ "127.0.0.1:5510" ], "DefaultAccounts": [ "127.0.0.1:5511=EVERGREEN_RAW" ] } }""", "setting 'Gateway:DefaultAccounts' (in {file}): '127.0.0.1:5511=EVERGREEN_RAW' names 127.0.0.1:5511, which is not one of the listeners (127.0.0.1:5510)")]
    [InlineData("""{ "Import": { "Reader": { "Mode": "Sloppy" } } }""", "setting 'Import:Reader:Mode' (in {file}) is 'Sloppy', not one of Strict, Lenient")]
    [InlineData("""{ "Logging": { "Console": { "FormatterName": "xml" } } }""", "setting 'Logging:Console:FormatterName' (in {file}) is 'xml', not one of simple, json, systemd")]
    [InlineData("""{ "Web": { "Lisen": [ "127.0.0.1:0" ] } }""", "unknown setting 'Web:Lisen' (in {file}); did you mean 'Listen'?")]
    [InlineData("""{ "Web": { "Listen": [ "localhost" ] } }""", "setting 'Web:Listen' (in {file}): 'localhost' is not ADDR:PORT")]
    [InlineData("""{ "Web": { "Enabled": "sometimes" } }""", "setting 'Web:Enabled' (in {file}) is 'sometimes', not true or false")]
    [InlineData("""{ "Web": { "MetricsAllowList": [ "10.0.0.0/33" ] } }""", "setting 'Web:MetricsAllowList' (in {file}) has '10.0.0.0/33', not an IP address or CIDR range")]
    [InlineData("""{ "Web": { "Certificate": { "Path": "console.pem" } } }""", "setting 'Web:Certificate:Path' (in {file}) needs 'Web:Certificate:KeyPath' too")]
    [InlineData("""{ "Web": { "Certificate": { "Path": "/nonexistent/console.pem", "KeyPath": "appsettings.json" } } }""", "setting 'Web:Certificate:Path' (in {file}) names /nonexistent/console.pem, which does not exist")]
    [InlineData("""{ "Web": { "SignInIdleTimeout": "-00:10:00" } }""", "setting 'Web:SignInIdleTimeout' (in {file}) is -00:10:00, not a positive duration")]
    [InlineData("""{ "Web": { "KeptExportFiles": 0 } }""", "setting 'Web:KeptExportFiles' (in {file}) is 0, not a positive number of export files")]
    public void A_bad_configuration_file_is_named_and_nothing_starts(string json, string expected)
    {
        File.WriteAllText(Settings, json);

        var (exit, output, error) = _cli.Run("serve", "--data", Data);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("marcgate serve: " + (expected.StartsWith("appsettings.json", StringComparison.Ordinal) ? _cli.Directory + "/" : string.Empty) + expected.Replace("{file}", Settings, StringComparison.Ordinal), error, StringComparison.Ordinal);
        AssertOneMessageAndNothingStarted(output, error);
    }

    [Fact]
    public void A_misspelt_setting_in_the_environment_names_the_variable()
    {
        _cli.Environment["MARCGATE_Gateway__IdleTimout"] = "00:00:10";

        var (exit, output, error) = _cli.Run("serve", "--data", Data);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("marcgate serve: unknown setting 'Gateway:IdleTimout' (environment variable MARCGATE_Gateway__IdleTimout); did you mean 'IdleTimeout'?", error, StringComparison.Ordinal);
        AssertOneMessageAndNothingStarted(output, error);
    }

    [Fact]
    public void A_web_console_address_in_use_is_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, output, error) = _cli.Run("serve", "--data", Data, "--listen", "127.0.0.1:0", "--web-listen", address);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"marcgate serve: cannot listen on {address} for the web console: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Web console on", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_in_use_is_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, output, error) = _cli.Run("serve", "--data", Data, "--listen", address);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"marcgate serve: cannot listen on {address}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_given_as_one_string_is_the_only_address_listened_on()
    {
        File.WriteAllText(Settings, """{ "Gateway": { "Listen": "127.0.0.1:0" } }""");
        var start = MarcgateProcess.StartInfo(["serve", "--data", Data]);
        start.WorkingDirectory = _cli.Directory;
        using var process = Process.Start(start)!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(first);
            Assert.Matches(@"^Listening on 127\.0\.0\.1:[1-9][0-9]*$", first);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        // Every "Listening on" line is written before the host waits: the rest of the output is complete.
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.DoesNotContain("Listening on", rest, StringComparison.Ordinal);
    }

    private void AssertOneMessageAndNothingStarted(string output, string error)
    {
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(Data));
    }
}
