namespace Marcgate.Export.Options;

/// <summary>The character set records are sent in (leader/09).</summary>
public enum ExportCharacterSet
{
    /// <summary>UTF-8, leader/09 <c>a</c>.</summary>
    Utf8,

    /// <summary>MARC-8, leader/09 blank.</summary>
    Marc8,
}
