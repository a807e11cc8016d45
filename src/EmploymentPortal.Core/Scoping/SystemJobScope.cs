using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// Marks a service scope as a system job's (the scheduled jobs and the one-off commands): outside
/// a request, its contexts read with <see cref="DataScope.All"/> instead of nothing. Only
/// <see cref="SystemJobScopes.CreateSystemJobScope"/> sets it; a scope without the mark stays
/// fail-closed.
/// </summary>
public sealed class SystemJobScope
{
    public bool Active { get; private set; }

    internal void Enter() => Active = true;
}

public static class SystemJobScopes
{
    /// <summary>A service scope for a system job, whose data scope is every area (docs/scoping.md, "Background jobs").</summary>
    public static AsyncServiceScope CreateSystemJobScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SystemJobScope>().Enter();
        return scope;
    }
}
