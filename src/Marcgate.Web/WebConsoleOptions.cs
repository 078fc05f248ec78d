namespace Marcgate.Web;

/// <summary>The web console's settings (configuration section <c>Web</c>).</summary>
public sealed class WebConsoleOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Web";

    /// <summary>The address listened on when <see cref="Listen"/> is empty: this machine only, until an administrator opens it up.</summary>
    public const string DefaultListener = "127.0.0.1:8080";

    /// <summary>Whether <c>marcgate serve</c> serves the console at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Addresses to listen on, as <c>ADDR:PORT</c>; empty means <see cref="DefaultListener"/>. One string of addresses separated by commas or spaces also works.</summary>
    public List<string> Listen { get; set; } = [];

    /// <summary>The PEM certificate and key that turn on HTTPS for every listener.</summary>
    public WebCertificateOptions Certificate { get; set; } = new();

    /// <summary>How long a sign-in lasts without a request; each request starts the time again.</summary>
    public TimeSpan SignInIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How many of each cataloger's most recent export files the catalog keeps for download; older ones are dropped, their history kept.</summary>
    public int KeptExportFiles { get; set; } = 20;

    /// <summary>Peer addresses or CIDR ranges (besides loopback) from which <c>/metrics</c> is served without signing in.</summary>
    public List<string> MetricsAllowList { get; set; } = [];

    /// <summary>The listeners to open: <see cref="Listen"/>, or <see cref="DefaultListener"/>.</summary>
    public IReadOnlyList<string> EffectiveListeners => Listen.Count > 0 ? Listen : [DefaultListener];
}
