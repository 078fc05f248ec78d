namespace Marcgate.Web;

/// <summary>What the console shows of the gateway listeners running in the same process.</summary>
public interface IListenerStatus
{
    /// <summary>Each listener with its state.</summary>
    IReadOnlyList<ListenerState> Listeners { get; }

    /// <summary>Gateway connections being served now, over all listeners.</summary>
    int Connections { get; }
}
