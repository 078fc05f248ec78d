using System.Security.Cryptography;
using System.Text;

namespace Marcgate.Catalog.Administration;

/// <summary>A SHA-256 over a sequence of length-prefixed values, so two stores' copies of one item compare by content alone.</summary>
internal sealed class StoreFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public StoreFingerprint Add(string? value)
    {
        if (value is null)
        {
            return Add(-1L);
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Add((long)bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public StoreFingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.AppendData(bytes);
        return this;
    }

    public StoreFingerprint Add(long? value) => value is { } present ? Add(1L).Add(present) : Add(0L);

    public StoreFingerprint Add(bool value) => Add(value ? 1L : 0L);

    // Both stores keep times to the microsecond.
    public StoreFingerprint Add(DateTimeOffset value) => Add(value.UtcTicks / TimeSpan.TicksPerMicrosecond);

    public StoreFingerprint Add(ReadOnlySpan<byte> value)
    {
        Add((long)value.Length);
        _hash.AppendData(value);
        return this;
    }

    public StoreFingerprint AddAll(IEnumerable<string> values)
    {
        var list = values.ToList();
        Add((long)list.Count);
        foreach (var value in list)
        {
            Add(value);
        }

        return this;
    }

    public StoreFingerprint AddAll(IEnumerable<long> values)
    {
        var list = values.ToList();
        Add((long)list.Count);
        foreach (var value in list)
        {
            Add(value);
        }

        return this;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
