using System.Buffers;

namespace Marcgate.Host;

/// <summary>The bytes of a connection's current request: pooled, grown on demand, given back whenever empty so idle connections hold none.</summary>
internal sealed class RequestBuffer(int maxBytes) : IDisposable
{
    private const int ReceiveSize = 8192;
    private byte[]? _array;
    private int _count;

    public int Count => _count;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, _count);

    public bool IsFull => _count >= maxBytes;

    /// <summary>Room for the next receive; never grows past the limit plus one receive, enough to tell a request is too large.</summary>
    public Memory<byte> GetReceiveMemory()
    {
        var capacity = Math.Min(_count + ReceiveSize, maxBytes + ReceiveSize);
        if (_array is null || _array.Length < capacity)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, Math.Min((_array?.Length ?? 0) * 2, maxBytes + ReceiveSize)));
            if (_array is not null)
            {
                _array.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
            }

            _array = larger;
        }

        return _array.AsMemory(_count, _array.Length - _count);
    }

    public void Advance(int received) => _count += received;

    public void Discard(int consumed)
    {
        if (_array is null)
        {
            return;
        }

        _array.AsSpan(consumed, _count - consumed).CopyTo(_array);
        _count -= consumed;
        if (_count == 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
    }

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }

        _count = 0;
    }
}
