using EmploymentPortal.Core.Scoping;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace EmploymentPortal.Web.Security;

/// <summary>Resource-based check: a record is readable only inside the caller's region subtree.</summary>
public sealed class RegionScopeAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, IRegionScoped>
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, IRegionScoped resource)
    {
        if (DataScopes.ForPrincipal(context.User).Includes(resource.RegionCode))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
