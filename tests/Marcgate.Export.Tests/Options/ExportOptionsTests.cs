using Marcgate.Export.Options;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Export.Tests.Options;

public sealed class ExportOptionsTests
{
    private static readonly ExportOptions s_carli = ExportOptions.Default with { Host = "alma.example.org", LogonId = "01CARLI_NETWORK" };

    [Fact]
    public void Built_in_defaults_are_Connexion_as_CARLI_sets_them()
    {
        var d = ExportOptions.Default;
        Assert.Equal(ExportDestinationKind.Tcp, d.ExportDestination);
        Assert.Equal(ExportFileType.Individual, d.FileType);
        Assert.Equal(ValidationLevel.Full, d.ValidateBibliographic);
        Assert.Equal(ValidationLevel.None, d.ValidateAuthority);
        Assert.False(d.MarkForExportAndSave);
        Assert.Equal(5500, d.Port);
        Assert.False(d.PermanentConnection);
        Assert.True(d.NotifyHostBeforeDisconnect);
        Assert.Equal(TimeSpan.FromSeconds(90), d.Timeout);
        Assert.Equal(3, d.Retries);
        Assert.Equal(TimeSpan.Zero, d.Delay);
        Assert.True(d.SendLogonId);
        Assert.False(d.SendUserId);
    }

    [Fact]
    public void A_complete_tcp_setting_has_no_problems()
    {
        Assert.Empty(s_carli.Check());
    }

    [Theory]
    [InlineData("port", "70000", "port: 70000 is out of range (1-65535)")]
    [InlineData("port", "0", "port: 0 is out of range (1-65535)")]
    [InlineData("port", "http", "port: 'http' is not a whole number")]
    [InlineData("timeout", "0", "timeout: 0 s; it must be more than 0 seconds")]
    [InlineData("timeout", "-5", "timeout: -5 s; it must be more than 0 seconds")]
    [InlineData("delay", "-1", "delay: -1 s; it must be 0 or more seconds")]
    [InlineData("retries", "-1", "retries: -1 is out of range (0-1000)")]
    [InlineData("fields-to-delete", "029,9X,938", "fields-to-delete: '9X' is not a tag pattern: use three characters, each a digit or X (e.g. 029, 938, 9XX)")]
    [InlineData("fields-to-delete", "0A9", "fields-to-delete: '0A9' is not a tag pattern: use three characters, each a digit or X (e.g. 029, 938, 9XX)")]
    [InlineData("validate-bib", "strict", "validate-bib: 'strict' is not a validation level (none, structure, basic, full)")]
    [InlineData("notify-host-before-disconnect", "maybe", "notify-host-before-disconnect: 'maybe' is not on or off")]
    [InlineData("charset", "latin1", "charset: 'latin1' is not one of utf8, utf-8, marc8, marc-8")]
    public void Bad_values_are_refused_with_a_message_naming_the_setting(string key, string value, string message)
    {
        Assert.Null(ExportOptionKeys.TryApply(s_carli, key, value, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Unknown_key_lists_the_settings()
    {
        Assert.Null(ExportOptionKeys.TryApply(s_carli, "hostname", "x", out var error));
        Assert.StartsWith("'hostname' is not an export setting; the settings are: format, charset,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_every_missing_or_inconsistent_setting()
    {
        var options = ExportOptions.Default with { Port = 70000, Timeout = TimeSpan.Zero, SendUserId = true };
        Assert.Equal(
            [
                "port: 70000 is out of range (1-65535)",
                "timeout: 0 s; it must be more than 0 seconds",
                "host: no host name is set for the TCP/IP destination",
                "logon-id: Send Logon ID is on but no logon ID is set",
                "user-id: Send User ID is on but no user ID is set",
            ],
            options.Check());
    }

    [Fact]
    public void Marcxml_is_for_files_only()
    {
        Assert.Contains("format: a gateway host accepts ISO 2709 only; MARCXML is for file destinations", (s_carli with { RecordFormat = ExportRecordFormat.MarcXml }).Check());
        Assert.Empty((s_carli with { RecordFormat = ExportRecordFormat.MarcXml, ExportDestination = ExportDestinationKind.File, FileName = "x.xml" }).Check());
    }

    [Fact]
    public void Tls_settings_need_tls_and_a_ca_file_excludes_skipping_the_check()
    {
        Assert.Equal(["tls-ca: applies to TLS connections only; turn tls on"], (s_carli with { TlsCaFile = "/etc/ca.pem" }).Check());
        Assert.Equal(["tls-insecure: applies to TLS connections only; turn tls on"], (s_carli with { TlsInsecure = true }).Check());
        Assert.Equal(
            ["tls-insecure: skips the certificate check that tls-ca names a CA for; use one or the other"],
            (s_carli with { Tls = true, TlsCaFile = "/etc/ca.pem", TlsInsecure = true }).Check());
        Assert.Empty((s_carli with { Tls = true, TlsCaFile = "/etc/ca.pem" }).Check());
        Assert.Equal(Path.GetFullPath("ca.pem"), ExportOptionKeys.TryApply(s_carli, "tls-ca", "ca.pem", out _)!.TlsCaFile);
    }

    [Fact]
    public void Every_key_shows_what_it_parses()
    {
        var options = s_carli with
        {
            FieldsToDelete = TagPatternList.Parse("029,938,9XX"),
            Timeout = TimeSpan.FromSeconds(2.5),
            UserId = "100-123-456",
            Password = new PasswordReference(PasswordSource.Environment, "MARCGATE_PW"),
            Tls = true,
            TlsCaFile = "/etc/marcgate/ca.pem",
        };

        foreach (var key in ExportOptionKeys.All)
        {
            var shown = key.Show(options);
            if (shown.Length == 0)
            {
                continue;
            }

            var (reparsed, error) = key.Parse(ExportOptions.Default, shown);
            Assert.True(error is null, $"{key.Name}: {error}");
            Assert.Equal(shown, key.Show(reparsed!));
        }
    }
}
