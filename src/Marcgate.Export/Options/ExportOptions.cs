using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Export.Options;

/// <summary>Every setting of Connexion's export options (gateway §6) plus record format and character set.</summary>
/// <remarks>The built-in defaults are Connexion's, as CARLI configures them for an Alma Network Zone, without the host and logon.</remarks>
public sealed record ExportOptions
{
    /// <summary>The highest TCP port number.</summary>
    public const int MaxPort = 65_535;

    /// <summary>The built-in defaults (Reset).</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>Export Destination: a TCP/IP connection or a file.</summary>
    public ExportDestinationKind ExportDestination { get; init; } = ExportDestinationKind.Tcp;

    /// <summary>Export File Name, for the file destination.</summary>
    public string? FileName { get; init; }

    /// <summary>Export File Type: Individual or Single.</summary>
    public ExportFileType FileType { get; init; } = ExportFileType.Individual;

    /// <summary>Fields to Delete on Export.</summary>
    public TagPatternList FieldsToDelete { get; init; } = TagPatternList.Empty;

    /// <summary>Validate Exported Records: Bibliographic Record.</summary>
    public ValidationLevel ValidateBibliographic { get; init; } = ValidationLevel.Full;

    /// <summary>Validate Exported Records: Authority Record.</summary>
    public ValidationLevel ValidateAuthority { get; init; } = ValidationLevel.None;

    /// <summary>Mark for Export and Save Record: export flags the record in the save file instead of sending it.</summary>
    public bool MarkForExportAndSave { get; init; }

    /// <summary>Host Name (no scheme).</summary>
    public string? Host { get; init; }

    /// <summary>Port Number (5500 by convention, gateway §1).</summary>
    public int Port { get; init; } = 5500;

    /// <summary>Permanent Connection: one connection reused for every record.</summary>
    public bool PermanentConnection { get; init; }

    /// <summary>Notify Host before Disconnect: EOT after each record.</summary>
    public bool NotifyHostBeforeDisconnect { get; init; } = true;

    /// <summary>Timeout for the connection and for each reply.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries: further attempts after a failed connect or a connection lost before the reply.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Delay between attempts.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Send Logon ID: send the <c>A</c> and <c>P</c> fields.</summary>
    public bool SendLogonId { get; init; } = true;

    /// <summary>Logon ID (<c>A</c>).</summary>
    public string? LogonId { get; init; }

    /// <summary>Where the password (<c>P</c>) comes from.</summary>
    public PasswordReference? Password { get; init; }

    /// <summary>Send User ID: send the <c>U</c> field.</summary>
    public bool SendUserId { get; init; }

    /// <summary>User ID (<c>U</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>Connect with TLS; the host's certificate is checked against the system's trusted roots, or <see cref="TlsCaFile"/>.</summary>
    /// <remarks>OCLC's own clients speak plain TCP only (gateway §1); a Marcgate host offers TLS on a listener of its own.</remarks>
    public bool Tls { get; init; }

    /// <summary>A PEM file of the certificate authorities trusted for the host's certificate instead of the system's.</summary>
    public string? TlsCaFile { get; init; }

    /// <summary>Accept any certificate the host presents: encryption without knowing who answers, for a test host only.</summary>
    public bool TlsInsecure { get; init; }

    /// <summary>Record format: ISO 2709 or MARCXML (files only).</summary>
    public ExportRecordFormat RecordFormat { get; init; } = ExportRecordFormat.Iso2709;

    /// <summary>Character set records are exported in.</summary>
    public ExportCharacterSet CharacterSet { get; init; } = ExportCharacterSet.Utf8;

    /// <summary>The name of the destination whose connection values were applied, for messages.</summary>
    public string? DestinationName { get; init; }

    /// <summary>Checks the values together; each message names the setting.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (Port is < 1 or > MaxPort)
        {
            problems.Add($"port: {Port} is out of range (1-{MaxPort})");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"timeout: {Timeout.TotalSeconds} s; it must be more than 0 seconds");
        }

        if (Retries < 0)
        {
            problems.Add($"retries: {Retries}; it must be 0 or more");
        }

        if (Delay < TimeSpan.Zero)
        {
            problems.Add($"delay: {Delay.TotalSeconds} s; it must be 0 or more seconds");
        }

        if (ExportDestination == ExportDestinationKind.Tcp)
        {
            if (string.IsNullOrWhiteSpace(Host))
            {
                problems.Add("host: no host name is set for the TCP/IP destination");
            }
            else if (Host.Contains("://", StringComparison.Ordinal) || Host.Any(char.IsWhiteSpace))
            {
                problems.Add($"host: '{Host}' is not a host name (no scheme, no spaces)");
            }

            if (SendLogonId && string.IsNullOrEmpty(LogonId))
            {
                problems.Add("logon-id: Send Logon ID is on but no logon ID is set");
            }

            if (!Tls && (TlsCaFile is not null || TlsInsecure))
            {
                problems.Add($"{(TlsCaFile is not null ? "tls-ca" : "tls-insecure")}: applies to TLS connections only; turn tls on");
            }

            if (TlsCaFile is not null && TlsInsecure)
            {
                problems.Add("tls-insecure: skips the certificate check that tls-ca names a CA for; use one or the other");
            }

            if (RecordFormat != ExportRecordFormat.Iso2709)
            {
                problems.Add("format: a gateway host accepts ISO 2709 only; MARCXML is for file destinations");
            }
        }
        else if (string.IsNullOrWhiteSpace(FileName))
        {
            problems.Add("file-name: no export file name is set for the file destination");
        }

        if (SendUserId && string.IsNullOrEmpty(UserId))
        {
            problems.Add("user-id: Send User ID is on but no user ID is set");
        }

        return problems;
    }
}
