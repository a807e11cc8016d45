using System.Security.Claims;
using EmploymentPortal.Core.Accounts;

namespace EmploymentPortal.Web.Security;

/// <summary>The signed-in user as the actor of audited changes.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The user's name; "system" for work done outside a request (scheduled jobs, commands).</summary>
    public string? Role => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Role);

    public string Name => accessor.HttpContext is { } context ? context.User.Identity?.Name ?? "anonymous" : "system";
}
