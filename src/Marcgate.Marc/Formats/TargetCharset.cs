namespace Marcgate.Marc.Formats;

/// <summary>The character set a conversion writes records in.</summary>
public enum TargetCharset
{
    /// <summary>As read; MARCXML and MARC-in-JSON output still converts MARC-8 records, being Unicode formats.</summary>
    Unchanged,

    /// <summary>Unicode: MARC-8 records are converted and leader/09 becomes <c>a</c>.</summary>
    Utf8,

    /// <summary>MARC-8: Unicode records are converted and leader/09 becomes blank.</summary>
    Marc8,
}
