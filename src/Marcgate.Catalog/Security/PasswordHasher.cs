using System.Security.Cryptography;
using System.Text;

using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>Hashes and checks logon passwords with PBKDF2-HMAC-SHA256 (NIST SP 800-132; OWASP's 2023 floor of 210,000 iterations).</summary>
public static class PasswordHasher
{
    /// <summary>Iterations used for new hashes.</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>The fewest iterations a stored hash may have; fewer means a tampered or foreign account row.</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>Bytes of random salt per password.</summary>
    public const int SaltBytes = 16;

    /// <summary>Bytes of derived key stored.</summary>
    public const int HashBytes = 32;

    /// <summary>Hashes a password with a fresh random salt.</summary>
    /// <exception cref="ArgumentException">The password is empty or the iteration count is below the minimum.</exception>
    public static PasswordHash Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0)
        {
            throw new ArgumentException("A password may not be empty.", nameof(password));
        }

        if (iterations < MinimumIterations)
        {
            throw new ArgumentException($"PBKDF2 needs at least {MinimumIterations:N0} iterations, not {iterations:N0}.", nameof(iterations));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(Derive(password, salt, iterations), salt, iterations);
    }

    /// <summary>True when the password gives the stored hash; compares in constant time.</summary>
    public static bool Verify(string password, PasswordHash stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Iterations < MinimumIterations || stored.Hash.Length == 0 || stored.Salt.Length == 0)
        {
            return false;
        }

        var derived = Derive(password, stored.Salt, stored.Iterations, stored.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, stored.Hash);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
