using System.Diagnostics.CodeAnalysis;
using System.Net;
using Marcgate.Gateway;

namespace Marcgate.Host;

/// <summary>The gateway host's listeners and limits (configuration section <c>Gateway</c>); the defaults are safe for a public port.</summary>
public sealed class GatewayHostOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>
    /// Addresses to listen on, as <c>ADDR:PORT</c> (<c>0.0.0.0:5500</c>, <c>[::1]:5500</c>, <c>*:5500</c>); empty means every IPv4 address on <see cref="Port"/>.
    /// The configuration may give a list, or one string of addresses separated by commas or spaces.
    /// </summary>
    public List<string> Listen { get; set; } = [];

    /// <summary>The port of the default listener when <see cref="Listen"/> is empty; 5500 by convention (gateway §1).</summary>
    public int Port { get; set; } = 5500;

    /// <summary>Connections served at once, over all listeners; more are answered <c>code=busy</c> and closed.</summary>
    public int MaxConnections { get; set; } = 2000;

    /// <summary>Connections served at once from one peer address (browser exports all come from OCLC's servers, §1, so not too low); more are answered <c>code=busy</c> and closed.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>The earlier name of <see cref="MaxConnectionsPerAddress"/>, still read from configuration.</summary>
    public int MaxConnectionsPerPeer
    {
        get => MaxConnectionsPerAddress;
        set => MaxConnectionsPerAddress = value;
    }

    /// <summary>
    /// The slowest a request may arrive, in bytes a second averaged from its first byte, once <see cref="MinDataRateGrace"/> has passed;
    /// a slower client is answered <c>code=timeout</c> and closed. 0 turns the check off (the idle timeout still applies).
    /// </summary>
    public int MinDataRate { get; set; } = 240;

    /// <summary>How long a request may take before <see cref="MinDataRate"/> is checked.</summary>
    public TimeSpan MinDataRateGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a connection may send nothing (gateway §5 rule 5); below the clients' usual 90-100 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after a 0x1D that is not where the leader says before taking the record as whole (§5 rule 4).</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest request accepted, in bytes; beyond it the reply is <c>code=too-large</c> and the connection closes.</summary>
    public int MaxRequestBytes { get; set; } = 1 << 20;

    /// <summary>Answer record bytes that are not ISO 2709 with <c>code=bad-record</c> before the logon is checked; when off, the import pipeline answers them after it.</summary>
    public bool CheckRecordStructure { get; set; } = true;

    /// <summary>
    /// The logon ID of the account that requests without a logon block use (Evergreen's raw "Connection" destination, or Send Logon ID off, gateway §2),
    /// and only from an address on that account's allow list; null (the default) refuses them.
    /// </summary>
    public string? DefaultAccount { get; set; }

    /// <summary>
    /// Default accounts of particular listeners, as <c>ADDR:PORT=LOGONID</c> (<c>0.0.0.0:5510=EVERGREEN_RAW</c>): a site whose raw
    /// "Connection" destination sends to its own port gets its own account there; listeners not named use <see cref="DefaultAccount"/>.
    /// </summary>
    public List<string> DefaultAccounts { get; set; } = [];

    /// <summary>The optional TLS listeners, with their certificate and key files.</summary>
    public GatewayTlsOptions Tls { get; set; } = new();

    /// <summary>The listeners to open: <see cref="Listen"/>, or the default one on <see cref="Port"/>.</summary>
    public IReadOnlyList<string> EffectiveListeners => Listen.Count > 0 ? Listen : [$"0.0.0.0:{Port}"];

    /// <summary>The addresses of a <see cref="Listen"/> setting given as one string: separated by commas or spaces.</summary>
    public static IReadOnlyList<string> SplitListeners(string value) =>
        value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The default account of the listener configured as <paramref name="listener"/> (an entry of <see cref="Listen"/> or <c>Tls:Listen</c>).</summary>
    public string? DefaultAccountFor(string listener)
    {
        var endPoint = ListenAddress.Parse(listener);
        foreach (var entry in DefaultAccounts)
        {
            if (TryParseDefaultAccount(entry, out var named, out var logonId, out _) && named.Equals(endPoint))
            {
                return logonId;
            }
        }

        return string.IsNullOrWhiteSpace(DefaultAccount) ? null : DefaultAccount;
    }

    /// <summary>Reads one <see cref="DefaultAccounts"/> entry; when it is malformed, <paramref name="problem"/> says why, quoting it.</summary>
    public static bool TryParseDefaultAccount(string entry, [NotNullWhen(true)] out IPEndPoint? listener, [NotNullWhen(true)] out string? logonId, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(entry);
        listener = null;
        logonId = null;
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || string.IsNullOrWhiteSpace(entry[(equals + 1)..]))
        {
            problem = $"'{entry}' is not ADDR:PORT=LOGONID (for example 0.0.0.0:5510=EVERGREEN_RAW)";
            return false;
        }

        if (!ListenAddress.TryParse(entry[..equals].Trim(), out listener, out var addressProblem))
        {
            problem = $"'{entry}': listener address {addressProblem}";
            return false;
        }

        logonId = entry[(equals + 1)..].Trim();
        problem = null;
        return true;
    }

    internal GatewayRequestReaderOptions ReaderOptions => new() { MaxRequestBytes = MaxRequestBytes };

    /// <summary>Throws when a limit makes no sense.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative, or the settle time is not below the idle timeout.</exception>
    /// <exception cref="ArgumentException">TLS listeners are configured without a certificate or key file.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerAddress, 1, nameof(MaxConnectionsPerAddress));
        ArgumentOutOfRangeException.ThrowIfNegative(MinDataRate, nameof(MinDataRate));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinDataRateGrace, TimeSpan.Zero, nameof(MinDataRateGrace));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024, nameof(MaxRequestBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SettleTime, TimeSpan.Zero, nameof(SettleTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(SettleTime, IdleTimeout, nameof(SettleTime));
        if (Tls.Listen.Count > 0 && (string.IsNullOrWhiteSpace(Tls.CertificateFile) || string.IsNullOrWhiteSpace(Tls.KeyFile)))
        {
            var missing = string.IsNullOrWhiteSpace(Tls.CertificateFile) ? nameof(GatewayTlsOptions.CertificateFile) : nameof(GatewayTlsOptions.KeyFile);
            throw new ArgumentException($"TLS listeners need a certificate and a key: Tls:{missing} is not set.", $"{nameof(Tls)}:{missing}");
        }

        var listeners = EffectiveListeners.Concat(Tls.Listen).Select(l => ListenAddress.TryParse(l, out var endPoint, out _) ? endPoint : null).ToList();
        foreach (var entry in DefaultAccounts)
        {
            if (!TryParseDefaultAccount(entry, out var listener, out _, out var problem))
            {
                throw new ArgumentException(problem, nameof(DefaultAccounts));
            }

            if (!listeners.Contains(listener))
            {
                throw new ArgumentException($"'{entry}' names {listener}, which is not one of the listeners ({string.Join(", ", EffectiveListeners.Concat(Tls.Listen))})", nameof(DefaultAccounts));
            }
        }
    }
}
