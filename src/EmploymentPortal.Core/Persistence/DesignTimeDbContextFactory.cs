using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentPortal.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(options, Environment.GetEnvironmentVariable("ConnectionStrings__Portal") ?? "Host=127.0.0.1;Database=portal_design");
        return new PortalDbContext(options.Options, new FixedDataScopeProvider(DataScope.All));
    }
}
