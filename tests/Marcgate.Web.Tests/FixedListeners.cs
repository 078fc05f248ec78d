namespace Marcgate.Web.Tests;

/// <summary>Gateway listeners as a test sets them.</summary>
public sealed class FixedListeners : IListenerStatus
{
    public IReadOnlyList<ListenerState> Listeners { get; set; } = [new ListenerState("127.0.0.1:5500", Bound: true)];

    public int Connections { get; set; }
}
