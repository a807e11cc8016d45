using System.Security.Cryptography;
using EmploymentPortal.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Accounts.TwoFactor;

/// <summary>
/// The authenticator-app second factor. Identity's own <c>AuthenticatorTokenProvider</c> accepts
/// codes from ±2 steps (90 s each way) and accepts a code again (dotnet/aspnetcore #14423); this
/// one accepts the current step and one step either side (ASVS v5.0.0-6.5.5), on the portal's
/// clock, and each step once only (ASVS v5.0.0-6.5.1): the last accepted step is stored on the
/// user and moved forward by one conditional UPDATE, so two requests racing with the same code
/// cannot both win.
/// </summary>
public sealed class PortalTotpTokenProvider(PortalDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "PortalTotp";

    /// <summary>Steps accepted either side of the current one.</summary>
    public const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The codes come from the user's app, never from the portal.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != Totp.Digits || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var secret = Totp.FromBase32(key);
        var now = Totp.StepAt(time.GetUtcNow());
        long? matched = null;
        for (var step = now - Window; step <= now + Window; step++)
        {
            // Every candidate is compared in constant time, and all are computed, whichever matches.
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Totp.Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                matched ??= step;
            }
        }

        if (matched is not { } accepted)
        {
            return false;
        }

        var moved = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, accepted));
        if (moved != 1)
        {
            return false;
        }

        // Keep the tracked entity in step, so a later save of the user writes the same value.
        db.Entry(user).Property(u => u.LastTotpTimeStep).OriginalValue = accepted;
        user.LastTotpTimeStep = accepted;
        return true;
    }
}
