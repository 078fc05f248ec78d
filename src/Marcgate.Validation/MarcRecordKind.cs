namespace Marcgate.Validation;

/// <summary>The MARC 21 format a record belongs to, which decides the rule tables used.</summary>
public enum MarcRecordKind
{
    /// <summary>MARC 21 Format for Bibliographic Data (leader/06 a, c-g, i-k, m, o, p, r, t).</summary>
    Bibliographic,

    /// <summary>MARC 21 Format for Authority Data (leader/06 z).</summary>
    Authority,

    /// <summary>MARC 21 Format for Holdings Data (leader/06 u, v, x, y).</summary>
    Holdings,
}
