using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Identity's user manager on the portal's clock: its own lockout reads the machine clock, so a
/// lockout's start and end (MLPS 2.0 登录失败处理, 15 minutes) would not follow the time every
/// other part of the portal, and every test, uses.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    BusinessClock clock)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<PortalUser> LockoutStore =>
        Store as IUserLockoutStore<PortalUser> ?? throw new NotSupportedException("The user store does not keep lockouts.");

    public override async Task<bool> IsLockedOutAsync(PortalUser user)
    {
        ThrowIfDisposed();
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        return await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) >= clock.UtcNow;
    }

    /// <summary>Counts a failed sign-in; the last one allowed locks the account for the lockout time from now.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        ThrowIfDisposed();
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, clock.UtcNow.Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
