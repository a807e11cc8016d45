using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// One authorization policy per capability, named as the capability and built from its roles in
/// <see cref="Capabilities.Map"/>: the map is the only place roles meet capabilities.
/// </summary>
public static class CapabilityPolicies
{
    public static void Add(AuthorizationOptions options)
    {
        foreach (var (capability, roles) in Capabilities.Map)
        {
            options.AddPolicy(capability, p => p.RequireRole(roles));
        }

        // A safety net: a page without a capability still requires a signed-in user (and fails
        // the meta-test EveryNonPublicPage_DeclaresExactlyOneCapability). Public pages are
        // [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

/// <summary>
/// Asks a capability for the signed-in user through its policy. Views inject it as
/// <c>@inject CapabilityCheck Can</c> and write <c>@if (await Can.Async(Capabilities.X))</c>.
/// </summary>
public sealed class CapabilityCheck(IHttpContextAccessor accessor, IAuthorizationService authorization)
{
    public async Task<bool> Async(string capability) =>
        accessor.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, capability)).Succeeded;
}
