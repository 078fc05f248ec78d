using System.Collections.Concurrent;

namespace Marcgate.Catalog.Security;

/// <summary>
/// The store's answers about lockout keys, each trusted for a short time, so a stream of good logons does not read
/// the store several times per request while changes made by other host nodes are still seen within that time.
/// </summary>
/// <remarks>
/// A write of this process forgets the key's answer at once. An answer read while any write was under way is not kept:
/// the read may have begun before the write and missed it.
/// </remarks>
internal sealed class RecentAnswers<TKey, TValue>(TimeSpan freshness)
    where TKey : notnull
{
    // Bounds the memory kept when many addresses or logon IDs come and go.
    private const int MaxKeys = 4096;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset ReadAt)> _answers = new();
    private long _writes;

    /// <summary>Taken before a read of the store; <see cref="Keep"/> with it keeps the answer only if nothing was written meanwhile.</summary>
    public long Generation => Volatile.Read(ref _writes);

    /// <summary>The key's answer when it was read less than the freshness ago.</summary>
    public bool TryGet(TKey key, DateTimeOffset now, out TValue value)
    {
        if (_answers.TryGetValue(key, out var answer) && now >= answer.ReadAt && now - answer.ReadAt < freshness)
        {
            value = answer.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps an answer read at <paramref name="now"/>, unless something was written since <paramref name="generation"/>.</summary>
    public void Keep(TKey key, TValue value, DateTimeOffset now, long generation)
    {
        if (_answers.Count >= MaxKeys)
        {
            _answers.Clear();
        }

        _answers[key] = (value, now);
        if (Volatile.Read(ref _writes) != generation)
        {
            _answers.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets the key's answer; called before and after a write that changes it.</summary>
    public void Forget(TKey key)
    {
        Interlocked.Increment(ref _writes);
        _answers.TryRemove(key, out _);
    }

    /// <summary>Forgets every answer: the store said its lockouts changed (another node, or an administrator).</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _writes);
        _answers.Clear();
    }
}
