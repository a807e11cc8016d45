namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// Marks a service scope as running a background task for the user who asked for it: outside a
/// request, its actor is that user (the audit names them) and its data scope theirs, as it was when
/// they asked. Only the background runner enters it; a scope without the mark stays fail-closed.
/// </summary>
public sealed class TaskRequester
{
    public bool Active { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public DataScope Scope { get; private set; } = DataScope.None;

    /// <summary>Acts as the requester from now on in this scope; <paramref name="regionCode"/> is the task's (their scope's region code).</summary>
    public void Enter(Guid userId, string name, string? role, string regionCode)
    {
        UserId = userId;
        Name = name;
        Role = role;
        Scope = Domain.Regions.RegionCode.TryParse(regionCode, out var region) ? DataScope.Region(region) : DataScope.None;
        Active = true;
    }
}
