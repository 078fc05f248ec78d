namespace Marcgate.Catalog.Storage;

/// <summary>What happens to an incoming record that matches no stored record (gateway §7 step 5).</summary>
public enum NoMatchAction
{
    /// <summary>Add it as a new record.</summary>
    Add,

    /// <summary>Reject it.</summary>
    Reject,
}
