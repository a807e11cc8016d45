using System.Security.Claims;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Web.Security;

/// <summary>The signed-in user as the actor of audited changes.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor, TaskRequester requester) : ICurrentActor
{
    /// <summary>Outside a request, in a background task's scope: the user who asked for the task.</summary>
    private TaskRequester? Requester => accessor.HttpContext is null && requester.Active ? requester : null;

    public Guid? UserId => Requester is { } task ? task.UserId :
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Role => Requester is { } task ? task.Role : accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Role);

    /// <summary>The user's name; "system" for work done outside a request (scheduled jobs, commands) unless it is a user's background task.</summary>
    public string Name => Requester is { } task ? task.Name : accessor.HttpContext is { } context ? context.User.Identity?.Name ?? "anonymous" : "system";
}
