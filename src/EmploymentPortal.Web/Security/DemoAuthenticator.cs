namespace EmploymentPortal.Web.Security;

/// <summary>
/// The demo staff accounts' fixed authenticator key (<c>DemoCity.AuthenticatorKey</c>) is public,
/// so it is seeded only in Development and in the tests ("Testing"); anywhere else it is refused and
/// demo staff enrol their own authenticator like anyone else.
/// </summary>
public static class DemoAuthenticator
{
    public const string TestingEnvironment = "Testing";

    public static bool Allowed(IHostEnvironment environment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment))
        {
            return true;
        }

        logger.LogWarning("The demo authenticator key is refused in the {Environment} environment: demo staff accounts enrol their own second factor", environment.EnvironmentName);
        return false;
    }
}
