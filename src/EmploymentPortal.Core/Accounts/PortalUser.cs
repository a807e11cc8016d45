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

    /// <summary>The last authenticator time step accepted: a code of that step or an earlier one is refused (each code works once).</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>The password was set by an administrator: the user must choose their own before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the staff second-factor grace period started for this account (its first sign-in without one); null before.</summary>
    public DateTimeOffset? TwoFactorGraceFrom { get; set; }
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
