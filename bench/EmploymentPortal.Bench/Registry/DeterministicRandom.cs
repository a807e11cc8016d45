namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the same seed gives the same sequence on every
/// machine and runtime version (unlike relying on <see cref="Random"/>'s unspecified algorithm).
/// Not for anything security-related.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DeterministicRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A well-mixed 64-bit hash of the inputs (SplitMix64 finaliser), for per-key values that need no state.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var x = a ^ (b * 0x9E3779B97F4A7C15UL);
        return SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Fill(Span<byte> bytes)
    {
        while (bytes.Length >= 8)
        {
            BitConverter.TryWriteBytes(bytes, NextUInt64());
            bytes = bytes[8..];
        }

        if (bytes.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BitConverter.TryWriteBytes(last, NextUInt64());
            last[..bytes.Length].CopyTo(bytes);
        }
    }

    /// <summary>
    /// A version-7 UUID (RFC 9562) for <paramref name="timestamp"/> with random bits from this
    /// generator, so ids sort by creation time like the app's <see cref="Guid.CreateVersion7()"/> ones.
    /// </summary>
    public Guid NextGuidV7(DateTimeOffset timestamp)
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        var ms = (ulong)timestamp.ToUnixTimeMilliseconds();
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        bytes[2] = (byte)(ms >> 24);
        bytes[3] = (byte)(ms >> 16);
        bytes[4] = (byte)(ms >> 8);
        bytes[5] = (byte)ms;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>A fixed weighted choice: O(log n) draws from cumulative weights.</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A weighted choice needs at least one positive weight.", nameof(entries));
        }

        _items = list.Select(e => e.Item).ToArray();
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Next(DeterministicRandom random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
