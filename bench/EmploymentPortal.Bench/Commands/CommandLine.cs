using System.Globalization;

namespace EmploymentPortal.Bench.Commands;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing for the bench sub-commands.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var name = arg[2..];
            if (flags.Contains(name))
            {
                _values[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                _values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Option --{name} needs a value.");
            }
        }
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public int Int(string name, int fallback) =>
        String(name) is { } text ? int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public ulong ULong(string name, ulong fallback) =>
        String(name) is { } text ? ulong.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        String(name) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public DateOnly Date(string name, DateOnly fallback) =>
        String(name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : fallback;

    /// <summary>The connection string: <c>--connection</c>, else <c>ConnectionStrings__Portal</c>.</summary>
    public string Connection() =>
        String("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Portal")
        ?? throw new ArgumentException("Give --connection \"Host=...;Database=...\" (or set ConnectionStrings__Portal).");

    /// <summary>Throws on options no one asked for (call after reading all of them).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
