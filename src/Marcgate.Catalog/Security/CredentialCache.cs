using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>
/// Remembers, for a short time, that a logon ID's password was verified, so a cataloger's batch does not
/// pay 210,000 PBKDF2 iterations per record (thousands of records a second with 32 clients).
/// </summary>
/// <remarks>
/// Only an HMAC of the password under a random per-process key is kept, never the password. An entry
/// is used only while the account's stored hash is the one it was verified against, and every entry is dropped
/// when the store announces that accounts changed, so a new password (<c>accounts passwd</c>, in any process or on
/// any node) takes effect at once; failed checks never evict an entry.
/// </remarks>
internal sealed class CredentialCache(TimeSpan lifetime, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True when this password was verified for the account within the lifetime.</summary>
    public bool IsVerified(Account account, string password)
    {
        if (lifetime <= TimeSpan.Zero || !_entries.TryGetValue(account.LogonId, out var entry) || entry.Expires <= time.GetUtcNow())
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(entry.StoredHash, account.Password.Hash)
            && CryptographicOperations.FixedTimeEquals(entry.Digest, Digest(account.LogonId, password));
    }

    /// <summary>Remembers a successful PBKDF2 verification.</summary>
    public void Remember(Account account, string password)
    {
        if (lifetime > TimeSpan.Zero)
        {
            _entries[account.LogonId] = new Entry(account.Password.Hash, Digest(account.LogonId, password), time.GetUtcNow() + lifetime);
        }
    }

    /// <summary>Forgets every verification: accounts changed, possibly in another process.</summary>
    public void Forget() => _entries.Clear();

    private byte[] Digest(string logonId, string password) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(logonId + "\0" + password));

    private sealed record Entry(byte[] StoredHash, byte[] Digest, DateTimeOffset Expires);
}
