using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// A sign-in account. Staff accounts belong to exactly one org unit; job seekers and employers
/// to none. A disabled account cannot sign in and its existing cookies stop working at the next
/// security-stamp validation.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;
    public const int UserNameMaxLength = 64;

    public string DisplayName { get; set; } = string.Empty;

    public int? OrgUnitId { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PortalRole : IdentityRole<Guid>
{
    public PortalRole()
    {
    }

    public PortalRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
