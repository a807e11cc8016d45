using System.Collections.Concurrent;

namespace EmploymentPortal.Core.Persons;

/// <summary>Where an import stands: checking rows, or writing them; the count so far.</summary>
public enum ImportStage
{
    Checking = 1,
    Writing = 2,
    Done = 3,
}

/// <summary>An import's progress as the page's poll sees it.</summary>
public sealed record ImportProgressState(Guid Owner, ImportStage Stage, int Rows, DateTimeOffset UpdatedAt);

/// <summary>
/// The progress of the imports running in this instance, keyed by the import id the form carries
/// and visible only to the user who started it; an entry goes an hour after its last update. The
/// page's POST, which does the import, and its polls reach the same instance (sticky sessions or
/// one instance); elsewhere a poll simply sees nothing.
/// </summary>
public sealed class ImportProgress(TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportProgressState> _imports = new();

    public void Report(Guid importId, Guid owner, ImportStage stage, int rows)
    {
        var now = time.GetUtcNow();
        _imports[importId] = new ImportProgressState(owner, stage, rows, now);
        if (_imports.Count > 64)
        {
            foreach (var (id, state) in _imports)
            {
                if (now - state.UpdatedAt > KeptFor)
                {
                    _imports.TryRemove(id, out _);
                }
            }
        }
    }

    /// <summary>The import's progress, if it is <paramref name="owner"/>'s.</summary>
    public ImportProgressState? Get(Guid importId, Guid owner) =>
        _imports.TryGetValue(importId, out var state) && state.Owner == owner ? state : null;
}
