using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// Creates contexts that read with <see cref="DataScope.All"/>, apart from the request's scoped
/// context: for <see cref="UnscopedReads"/> and for background jobs that legitimately see
/// everything (the daily posting expiry). The caller disposes what it creates.
/// </summary>
public sealed class SystemContexts(DbContextOptions<PortalDbContext> options)
{
    public PortalDbContext Create() => new(options, new FixedDataScopeProvider(DataScope.All));
}
