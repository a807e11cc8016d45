using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Core.Persons;

/// <summary>The services of the register's duplicate answers and of the bounded import (issue 15).</summary>
public static class PersonImportServices
{
    public static IServiceCollection AddPersonImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new DuplicateAnswerOptions(configuration.GetValue<int?>(DuplicateAnswerOptions.ConfigurationKey) ?? DuplicateAnswerOptions.DefaultPerDay));
        services.AddScoped<DuplicateAnswers>();
        services.AddScoped<ImportGate>();
        return services;
    }
}
