using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The import's register-wide duplicate lookup (<see cref="UnscopedReads.IdNumberHoldersAsync"/>),
/// run in batches while the sheet is still being read: each full batch is looked up on the
/// unscoped context, one after another, while the caller goes on reading and checking rows, so the
/// database works while the portal reads (two cores instead of one). <see cref="CompleteAsync"/>
/// looks up the last batch and returns every holder found. Disposing stops and awaits a lookup
/// still running (an import refused half-way).
/// </summary>
internal sealed class RegisterLookup(UnscopedReads unscoped, DataScope scope, CancellationToken cancellationToken) : IAsyncDisposable
{
    /// <summary>ID numbers per query, as <see cref="UnscopedReads.IdNumberHoldersAsync"/> chunks them.</summary>
    private const int BatchSize = 5_000;

    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly Dictionary<string, IdNumberHolder> _found = new(StringComparer.Ordinal);
    private List<byte[]> _batch = new(BatchSize);
    private Task _running = Task.CompletedTask;

    /// <summary>Adds a candidate's blind index; a full batch starts its lookup after the one before.</summary>
    public void Add(byte[] hash)
    {
        _batch.Add(hash);
        if (_batch.Count == BatchSize)
        {
            _running = LookUpAfterAsync(_running, _batch);
            _batch = new List<byte[]>(BatchSize);
        }
    }

    /// <summary>Every holder of an added ID number, keyed by the hex of the blind index.</summary>
    public async Task<Dictionary<string, IdNumberHolder>> CompleteAsync()
    {
        await LookUpAfterAsync(_running, _batch);
        _batch = [];
        _running = Task.CompletedTask;
        return _found;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped here: the import ended before this lookup was needed.
        }

        _stop.Dispose();
    }

    private async Task LookUpAfterAsync(Task previous, List<byte[]> batch)
    {
        await previous;
        if (batch.Count == 0)
        {
            return;
        }

        foreach (var (key, holder) in await unscoped.IdNumberHoldersAsync(batch, scope, _stop.Token))
        {
            _found[key] = holder;
        }
    }
}
