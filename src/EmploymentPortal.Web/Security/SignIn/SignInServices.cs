namespace EmploymentPortal.Web.Security.SignIn;

public static class SignInServices
{
    /// <summary>The equal-time password step, its per-account-and-client throttle, and the self-service account pages' services.</summary>
    public static IServiceCollection AddPortalSignIn(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SignInDestination>();
        return services;
    }
}
