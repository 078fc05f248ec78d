using Marcgate.Catalog.Security;
using Marcgate.Marc;

namespace Marcgate.Catalog.Import;

/// <summary>Settings of the import pipeline (gateway §7); the defaults are safe for a public listener.</summary>
public sealed class ImportOptions
{
    /// <summary>Lockout after repeated failed logons.</summary>
    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>How long a verified password is remembered per logon ID (0 checks PBKDF2 on every request).</summary>
    public TimeSpan CredentialCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a commit that lost a race with a concurrent import is matched and tried again.</summary>
    public int MaxCommitAttempts { get; set; } = 8;

    /// <summary>How incoming ISO 2709 is read: lenient by default, since real exports have small flaws (§3.3).</summary>
    public MarcReaderOptions Reader { get; set; } = MarcReaderOptions.Default;

    /// <summary>The profile used when an account names <see cref="DefaultProfileName"/> and no profile of that name is saved.</summary>
    public const string DefaultProfileName = "default";
}
