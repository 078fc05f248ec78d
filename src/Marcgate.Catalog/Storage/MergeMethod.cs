namespace Marcgate.Catalog.Storage;

/// <summary>How an incoming record is merged into the one record it matched (gateway §7 step 5).</summary>
public enum MergeMethod
{
    /// <summary>The incoming record replaces the existing one, except the local fields (9XX and the profile's protected fields), which are kept.</summary>
    OverlayAllButLocal,

    /// <summary>The incoming record replaces the existing one entirely.</summary>
    Replace,

    /// <summary>The existing record is kept as it is.</summary>
    KeepExisting,
}
