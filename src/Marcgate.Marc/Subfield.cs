namespace Marcgate.Marc;

/// <summary>One subfield: a code character and its data.</summary>
/// <param name="Code">The subfield code (normally a lowercase letter or digit).</param>
/// <param name="Value">The data, without delimiter or terminator.</param>
public readonly record struct Subfield(char Code, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"${Code}{Value}";
}
