using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// New recovery codes (10 characters of base32 in two groups, 50 bits each). Identity keeps
    /// them in clear; the portal keeps only their SHA-256, so a reader of the database cannot use
    /// them. The codes are returned once, to be shown once.
    /// </summary>
    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(PortalUser user, int number)
    {
        ThrowIfDisposed();
        var codes = Enumerable.Range(0, number)
            .Select(_ => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10).Insert(5, "-"))
            .ToList();
        await RecoveryCodeStore.ReplaceCodesAsync(user, codes.Select(HashRecoveryCode), CancellationToken);
        var updated = await UpdateAsync(user);
        return updated.Succeeded ? codes : null;
    }

    /// <summary>Redeems a recovery code (case, spaces and the dash do not matter); each works once.</summary>
    public override async Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(PortalUser user, string code)
    {
        ThrowIfDisposed();
        if (await RecoveryCodeStore.RedeemCodeAsync(user, HashRecoveryCode(code ?? string.Empty), CancellationToken))
        {
            return await UpdateAsync(user);
        }

        return IdentityResult.Failed(ErrorDescriber.RecoveryCodeRedemptionFailed());
    }

    /// <summary>Removes every recovery code (a reset of the second factor).</summary>
    public async Task ClearRecoveryCodesAsync(PortalUser user)
    {
        ThrowIfDisposed();
        await RecoveryCodeStore.ReplaceCodesAsync(user, [], CancellationToken);
    }

    /// <summary>Sets a known authenticator key: the demo accounts only (Development and tests), see <c>DemoCity.AuthenticatorKey</c>.</summary>
    public Task<IdentityResult> SetDemoAuthenticatorKeyAsync(PortalUser user, string base32Key) => SetAuthenticatorKeyAsync(user, base32Key);

    /// <summary>Stores the authenticator key an enrolment proposed (on its POST; a GET stores nothing).</summary>
    public async Task<IdentityResult> SetAuthenticatorKeyAsync(PortalUser user, string base32Key)
    {
        ThrowIfDisposed();
        var store = Store as IUserAuthenticatorKeyStore<PortalUser> ?? throw new NotSupportedException("The user store does not keep authenticator keys.");
        await store.SetAuthenticatorKeyAsync(user, base32Key, CancellationToken);
        return await UpdateAsync(user);
    }

    private IUserTwoFactorRecoveryCodeStore<PortalUser> RecoveryCodeStore =>
        Store as IUserTwoFactorRecoveryCodeStore<PortalUser> ?? throw new NotSupportedException("The user store does not keep recovery codes.");

    private static string HashRecoveryCode(string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }
}
