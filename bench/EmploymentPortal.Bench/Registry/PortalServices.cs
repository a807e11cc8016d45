using EmploymentPortal.Core;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// The app's own services, configured the way the app configures them (environment variables,
/// so <c>Portal__Security__PersonalDataKey</c> and <c>ASPNETCORE_ENVIRONMENT</c> count), for a
/// given connection string and data scope.
/// </summary>
public static class PortalServices
{
    public static ServiceProvider Build(string connectionString, DataScope scope, string? personalDataKey = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:" + PortalDatabase.ConnectionStringName] = connectionString };
        if (!string.IsNullOrWhiteSpace(personalDataKey))
        {
            settings["Portal:Security:PersonalDataKey"] = personalDataKey;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        // Synthetic data only: the bench may use the development key, as the app does in Development.
        services.AddInfrastructureServices(configuration, "Development");
        services.AddSingleton<IDataScopeProvider>(new FixedDataScopeProvider(scope));
        services.AddSingleton<ICurrentActor>(new BenchActor());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The ID-number protector exactly as the app builds it: the configured personal-data key,
    /// else (outside Production) the app's development key, so the app can reveal and search the
    /// generated persons.
    /// </summary>
    public static IIdNumberProtector Protector(string connectionString, string? personalDataKey = null)
    {
        using var provider = Build(connectionString, DataScope.All, personalDataKey);
        return provider.GetRequiredService<IIdNumberProtector>();
    }

    private sealed class BenchActor : ICurrentActor
    {
        public Guid? UserId => null;

        public string Name => "bench";
    }
}
