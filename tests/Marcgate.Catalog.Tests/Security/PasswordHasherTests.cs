using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Tests.Security;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Verifies_the_right_password_and_rejects_others()
    {
        var stored = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", stored));
        Assert.False(PasswordHasher.Verify("correct horsE", stored));
        Assert.False(PasswordHasher.Verify("", stored));
        Assert.Equal(PasswordHasher.DefaultIterations, stored.Iterations);
        Assert.Equal(16, stored.Salt.Length);
        Assert.Equal(32, stored.Hash.Length);
    }

    [Fact]
    public void Salts_differ_so_equal_passwords_hash_differently()
    {
        var a = PasswordHasher.Hash("secret");
        var b = PasswordHasher.Hash("secret");

        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Refuses_a_correct_hash_stored_with_too_few_iterations()
    {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 of "passwd" with salt "salt" and c=1 (first 32 bytes). A row
        // with so few iterations is tampered or foreign; it never logs anyone on.
        var expected = Convert.FromHexString("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        var stored = new PasswordHash(expected, "salt"u8.ToArray(), 1);

        Assert.False(PasswordHasher.Verify("passwd", stored));
    }

    [Fact]
    public void Refuses_weak_settings()
    {
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash("x", 1000));
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(""));
    }

    [Fact]
    public void Never_shows_the_hash_in_text()
    {
        var stored = PasswordHasher.Hash("secret");
        Assert.DoesNotContain(Convert.ToHexString(stored.Hash), stored.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
