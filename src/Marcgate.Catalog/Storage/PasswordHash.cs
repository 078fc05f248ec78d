namespace Marcgate.Catalog.Storage;

/// <summary>A PBKDF2-SHA256 password hash as stored; the password itself is never stored.</summary>
/// <param name="Hash">The derived key.</param>
/// <param name="Salt">The random salt.</param>
/// <param name="Iterations">The PBKDF2 iteration count (at least 210,000 when created).</param>
public sealed record PasswordHash(byte[] Hash, byte[] Salt, int Iterations)
{
    /// <inheritdoc />
    public override string ToString() => $"PasswordHash {{ Iterations = {Iterations} }}";
}
