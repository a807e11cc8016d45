using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// The SQL kept in <c>.sql</c> files beside the code that runs it (<c>Reports/Sql</c>,
/// <c>Jobs/Sql</c>, …), embedded in this assembly and named by their path in the project, e.g.
/// <c>"Reports/Sql/activity.sql"</c>. A file is read once and kept; its text is returned exactly
/// as written (line breaks included). The files under <c>Sql/Triggers</c> are what migrations ran
/// and are never edited (docs/architecture.md, "SQL files"). <c>SqlFilesTests</c> checks that every
/// name the code gives is a file and every file is named by the code.
/// </summary>
public static class SqlFiles
{
    private static readonly Assembly Assembly = typeof(SqlFiles).Assembly;

    // The csproj names each resource by its path (LogicalName); a build on Windows writes '\'.
    private static readonly FrozenDictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(r => r.EndsWith(".sql", StringComparison.Ordinal))
        .ToFrozenDictionary(r => r.Replace('\\', '/'), r => r, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>Every embedded file's name, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Resources.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The text of the file at <paramref name="name"/> (its path in the project, with '/').</summary>
    /// <exception cref="InvalidOperationException">No such file is embedded.</exception>
    public static string Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Texts.GetOrAdd(name, Load);
    }

    private static string Load(string name)
    {
        if (!Resources.TryGetValue(name, out var resource))
        {
            throw new InvalidOperationException(
                $"The SQL file \"{name}\" is not embedded in {Assembly.GetName().Name}: no such file under a Sql folder, or not named by its path from the project folder.");
        }

        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The SQL file \"{name}\" could not be opened.");
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}
