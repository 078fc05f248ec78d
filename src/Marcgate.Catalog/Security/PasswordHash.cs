namespace Marcgate.Catalog.Security;

/// <summary>A stored password: PBKDF2-HMAC-SHA256 output, its salt and iteration count; never the password itself.</summary>
/// <param name="Hash">The derived key.</param>
/// <param name="Salt">The random salt.</param>
/// <param name="Iterations">The PBKDF2 iteration count.</param>
public sealed record PasswordHash(byte[] Hash, byte[] Salt, int Iterations)
{
    /// <inheritdoc />
    public override string ToString() => $"PasswordHash {{ PBKDF2-SHA256, {Iterations} iterations }}";
}
