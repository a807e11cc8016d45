using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Core.Accounts.TwoFactor;

/// <summary>
/// What a signed-in user does to their own account: change the password, enrol an authenticator
/// app, get new recovery codes. Each change is audited. Error messages are localization keys.
/// </summary>
public sealed class OwnAccountSecurity(PortalDbContext db, PortalUserManager users, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;
    private const string EntityType = "Account";

    public async Task<CommandResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return CommandResult.Fail("NewPassword", "Password.SameAsCurrent");
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        // Checks the current password, runs the password validators and renews the security stamp
        // (other sessions of the account end at their next check).
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return new CommandResult(changed.Errors.Select(e => (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword" : "NewPassword", "Identity." + e.Code)).ToList());
        }

        var wasForced = user.MustChangePassword;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Add("PasswordChanged", EntityType, user.Id.ToString(), null, null, new { forced = wasForced });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>
    /// The key to enrol (base32): the account's stored one, else the one the form proposed, else a
    /// new random one. Nothing is stored here (a GET changes no state): <see cref="EnableAsync"/>
    /// stores the proposed key with the first correct code. Null once a second factor is on: the
    /// key is never shown again.
    /// </summary>
    public async Task<string?> EnrolmentKeyAsync(PortalUser user, string? proposed)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TwoFactorEnabled)
        {
            return null;
        }

        var stored = await users.GetAuthenticatorKeyAsync(user);
        return !string.IsNullOrEmpty(stored) ? stored
            : !string.IsNullOrEmpty(proposed) ? proposed
            : Totp.ToBase32(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
    }

    /// <summary>Turns the second factor on after a first correct code; returns the recovery codes (to be shown once).</summary>
    public async Task<(CommandResult Result, IReadOnlyList<string> RecoveryCodes)> EnableAsync(PortalUser user, string key, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TwoFactorEnabled)
        {
            return (CommandResult.Fail(string.Empty, "Mfa.AlreadyEnabled"), []);
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.SetAuthenticatorKeyAsync(user, key);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code ?? string.Empty))
        {
            return (CommandResult.Fail("Code", "Mfa.CodeInvalid"), []);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Add("MfaEnabled", EntityType, user.Id.ToString(), null, new { twoFactorEnabled = false }, new { twoFactorEnabled = true });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (CommandResult.Ok, codes);
    }

    /// <summary>A new set of recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled)
        {
            return [];
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Add("RecoveryCodesRenewed", EntityType, user.Id.ToString(), null, null, new { count = codes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return codes;
    }

    public Task<int> RecoveryCodesLeftAsync(PortalUser user) => users.CountRecoveryCodesAsync(user);
}
