using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests;

internal static class ContextFactory
{
    public static PortalDbContext Create(string connectionString, DataScope scope)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(options, connectionString);
        return new PortalDbContext(options.Options, new FixedDataScopeProvider(scope));
    }
}
