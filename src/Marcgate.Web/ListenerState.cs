namespace Marcgate.Web;

/// <summary>One gateway listener.</summary>
/// <param name="Address">The address and port listened on (<c>0.0.0.0:5500</c>).</param>
/// <param name="Bound">True while the socket is bound and accepting.</param>
public sealed record ListenerState(string Address, bool Bound);
