namespace EmploymentPortal.Web.Security;

/// <summary>
/// The public non-page endpoints. Public pages carry <c>[AllowAnonymous]</c> on their page model;
/// every other page carries exactly one capability (docs/authorization.md). EndpointTests holds
/// the full public list, written by hand.
/// </summary>
public static class PublicPages
{
    /// <summary>Non-page endpoints that are public.</summary>
    public static IReadOnlyList<string> Endpoints { get; } = ["/health", "/health/ready", JobsApi];

    /// <summary>The public job search as JSON.</summary>
    public const string JobsApi = "/api/jobs";
}
