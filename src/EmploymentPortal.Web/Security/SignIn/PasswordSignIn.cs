using System.Diagnostics;
using System.Security.Cryptography;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Security.SignIn;

public enum PasswordSignInOutcome
{
    /// <summary>Refused; the reason is logged, never shown (unknown user, wrong password, blocked, locked, disabled).</summary>
    Refused,

    /// <summary>Signed in.</summary>
    SignedIn,

    /// <summary>The password was right; the second step (authenticator or recovery code) follows.</summary>
    RequiresSecondFactor,
}

/// <summary>
/// The password step of the sign-in, telling nothing (ASVS v5.0.0-6.3.8, issue 15 finding 4): an
/// unknown user, a wrong password, a blocked or locked account and a disabled account all get the
/// same answer after the same work, one password hash: an unknown user's password is checked
/// against a dummy hash made with the same hasher, and every refusal answers no sooner than
/// <c>Portal:Security:SignInRefusalFloor</c> after it began (the hash's own time varies with the
/// machine's load; the floor hides that too). The reason goes to the log only.
/// </summary>
public sealed class PasswordSignIn(
    PortalSignInManager signIn,
    UserManager<PortalUser> users,
    IPasswordHasher<PortalUser> hasher,
    ILookupNormalizer normalizer,
    SignInThrottle throttle,
    SecondFactorPolicy secondFactor,
    DummyPasswordHash dummy,
    IOptions<PortalOptions> options,
    ILogger<PasswordSignIn> logger)
{
    public async Task<PasswordSignInOutcome> SignInAsync(string userName, string password, string client)
    {
        var started = Stopwatch.StartNew();
        var account = normalizer.NormalizeName(userName) ?? string.Empty;
        var user = await users.FindByNameAsync(userName);
        bool passwordRight;
        if (user is null)
        {
            hasher.VerifyHashedPassword(DummyPasswordHash.User, dummy.HashWith(hasher), password);
            passwordRight = false;
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, password);
        }

        var blocked = throttle.IsBlocked(account, client);
        string? reason = user is null ? "UnknownUser"
            : !passwordRight ? "WrongPassword"
            : blocked ? "Blocked"
            : user.IsDisabled ? "Disabled"
            : await users.IsLockedOutAsync(user) ? "LockedOut"
            : null;
        if (reason is not null)
        {
            if (!passwordRight && !blocked)
            {
                throttle.Failed(account, client);
            }

            logger.LogWarning("Sign-in refused for {UserName}: {Reason}", userName, reason);
            var rest = options.Value.Security.SignInRefusalFloor - started.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            return PasswordSignInOutcome.Refused;
        }

        throttle.Succeeded(account, client);
        await secondFactor.StartGraceAsync(user!);
        var result = await signIn.SignInAfterPasswordAsync(user!);
        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Password accepted for {UserName}; second step required", userName);
            return PasswordSignInOutcome.RequiresSecondFactor;
        }

        logger.LogInformation("Sign-in succeeded for {UserName}", userName);
        return PasswordSignInOutcome.SignedIn;
    }
}

/// <summary>A hash of a random password, made once with the portal's hasher (same algorithm and work factor as real ones).</summary>
public sealed class DummyPasswordHash
{
    private string? _hash;

    public static PortalUser User { get; } = new() { UserName = "dummy" };

    public string HashWith(IPasswordHasher<PortalUser> hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }
}
