using System.Security.Claims;
using EmploymentPortal.Application.Accounts;

namespace EmploymentPortal.Web.Security;

/// <summary>The signed-in user as the actor of audited changes.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}
