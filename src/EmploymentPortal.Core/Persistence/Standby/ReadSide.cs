using System.Data.Common;
using System.Net.Sockets;
using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Core.Persistence.Standby;

/// <summary>Whether the current user saved something a moment ago (then they read from the primary, to see it).</summary>
public interface IRecentWrites
{
    bool WroteRecently { get; }
}

/// <summary>Outside a web request nobody has just written.</summary>
public sealed class NoRecentWrites : IRecentWrites
{
    public bool WroteRecently => false;
}

/// <summary>
/// The read side of one request (or task), for the reads that may go to the standby: the public
/// job search, the dashboards and the exports (docs/adr/0008-standby-reads.md). It decides once, at
/// first use, between the standby (<see cref="ReadRouting.UseStandby"/>, unless the user has just
/// written) and the primary. On the standby its contexts have the caller's scope and account, told
/// to each connection by the same interceptor as on the primary (<see cref="RowSecurity"/>); on the
/// primary they are the request's own context and <see cref="UnscopedReads"/>. Writes never go
/// through it.
/// </summary>
public sealed class ReadSide(ReadRouting routing, PortalDbContext primary, UnscopedReads primaryUnscoped, IDataScopeProvider scopes, IRecentWrites recentWrites)
    : IDisposable, IAsyncDisposable
{
    private bool? _onStandby;
    private PortalDbContext? _standbyDb;
    private UnscopedReads? _standbyUnscoped;

    /// <summary>Whether this request's reads go to the standby (decided at first use; false after a failed read there).</summary>
    public bool OnStandby => _onStandby ??= routing.UseStandby && !recentWrites.WroteRecently;

    /// <summary>A context with the caller's scope, on the server chosen.</summary>
    public PortalDbContext Db => OnStandby ? _standbyDb ??= new PortalDbContext(routing.StandbyOptions!, scopes) : primary;

    /// <summary>The reviewed reads past the scope, on the server chosen.</summary>
    public UnscopedReads Unscoped => OnStandby ? _standbyUnscoped ??= new UnscopedReads(new SystemContexts(routing.StandbyOptions!)) : primaryUnscoped;

    /// <summary>
    /// Runs a read (which uses <see cref="Db"/> and <see cref="Unscoped"/>); when it fails on the
    /// standby, the standby is reported and the read runs once more on the primary. A read must
    /// have no effect outside its result, so that running it twice is harmless.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!OnStandby)
        {
            routing.Count(false);
            return await read();
        }

        try
        {
            var result = await read();
            routing.Count(true);
            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsDatabaseFailure(e))
        {
            routing.ReportFailure(e);
            await DisposeStandbyAsync();
            _onStandby = false;
            routing.Count(false);
            return await read();
        }
    }

    /// <inheritdoc cref="ReadAsync{T}(Func{Task{T}}, CancellationToken)"/>
    public async Task ReadAsync(Func<Task> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await ReadAsync(async () =>
        {
            await read();
            return true;
        }, cancellationToken);
    }

    public void Dispose()
    {
        _standbyUnscoped?.Dispose();
        _standbyDb?.Dispose();
    }

    public async ValueTask DisposeAsync() => await DisposeStandbyAsync();

    /// <summary>A failure of the server or the way to it (EF Core may wrap it), not of the caller.</summary>
    private static bool IsDatabaseFailure(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException or TimeoutException or SocketException or System.IO.IOException)
            {
                return true;
            }
        }

        return false;
    }

    private async Task DisposeStandbyAsync()
    {
        if (_standbyUnscoped is not null)
        {
            await _standbyUnscoped.DisposeAsync();
            _standbyUnscoped = null;
        }

        if (_standbyDb is not null)
        {
            await _standbyDb.DisposeAsync();
            _standbyDb = null;
        }
    }
}
