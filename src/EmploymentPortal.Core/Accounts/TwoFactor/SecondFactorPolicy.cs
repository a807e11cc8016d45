using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Accounts.TwoFactor;

/// <summary>What a signed-in account must do before it may use the portal.</summary>
public enum AccountGateKind
{
    None,

    /// <summary>An administrator set the password: the user chooses their own first.</summary>
    ChangePassword,

    /// <summary>A staff account without a second factor after its grace period: enrolment only.</summary>
    Enrol,

    /// <summary>A staff account without a second factor inside its grace period: reminded at each sign-in.</summary>
    Remind,
}

public sealed record AccountGate(AccountGateKind Kind, DateTimeOffset? Deadline = null)
{
    public static AccountGate None { get; } = new(AccountGateKind.None);
}

/// <summary>
/// The one place of the second-factor rules (MLPS 2.0 身份鉴别, ASVS v5.0.0-6.3.2): required for
/// every staff role (<see cref="Roles.Staff"/>), optional for job seekers and employers; a grace
/// period a security administrator sets; resets of a user's second factor, audited.
/// </summary>
public sealed class SecondFactorPolicy(
    PortalDbContext db,
    PortalUserManager users,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock)
{
    private const string EntityType = "Account";

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(Roles.IsStaff);

    public async Task<int> GraceDaysAsync(CancellationToken cancellationToken) =>
        await db.Set<SecuritySetting>().Where(s => s.Id == SecuritySetting.SingletonId).Select(s => (int?)s.MfaGraceDays).SingleOrDefaultAsync(cancellationToken)
        ?? SecuritySetting.DefaultGraceDays;

    public async Task<CommandResult> SetGraceDaysAsync(int days, CancellationToken cancellationToken)
    {
        if (days is < 0 or > SecuritySetting.MaxGraceDays)
        {
            return CommandResult.Fail("GraceDays", "Mfa.GraceDaysRange");
        }

        var setting = await db.Set<SecuritySetting>().SingleOrDefaultAsync(s => s.Id == SecuritySetting.SingletonId, cancellationToken);
        if (setting is null)
        {
            setting = new SecuritySetting();
            db.Add(setting);
        }

        var before = setting.MfaGraceDays;
        setting.MfaGraceDays = days;
        audit.Add("MfaGracePeriodSet", "SecuritySetting", SecuritySetting.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { graceDays = before }, new { graceDays = days });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>What the account must do first, as of now (the sign-in and every security-stamp check ask).</summary>
    public async Task<AccountGate> GateAsync(PortalUser user, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.MustChangePassword)
        {
            return new AccountGate(AccountGateKind.ChangePassword);
        }

        if (user.TwoFactorEnabled || !IsRequiredFor(roles))
        {
            return AccountGate.None;
        }

        var deadline = (user.TwoFactorGraceFrom ?? clock.UtcNow).AddDays(await GraceDaysAsync(cancellationToken));
        return clock.UtcNow >= deadline ? new AccountGate(AccountGateKind.Enrol, deadline) : new AccountGate(AccountGateKind.Remind, deadline);
    }

    /// <summary>Starts a staff account's grace period at its first sign-in without a second factor.</summary>
    public async Task StartGraceAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TwoFactorEnabled || user.TwoFactorGraceFrom is not null || !IsRequiredFor(await users.GetRolesAsync(user)))
        {
            return;
        }

        user.TwoFactorGraceFrom = clock.UtcNow;
        await users.UpdateAsync(user);
    }

    /// <summary>
    /// A security administrator removes a user's authenticator and recovery codes (a lost phone).
    /// A staff user must then enrol again at the next sign-in (no new grace period); the new
    /// security stamp ends the user's open sessions.
    /// </summary>
    public async Task<CommandResult> ResetAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync((userName ?? string.Empty).Trim());
        if (user is null)
        {
            return CommandResult.Fail("UserName", "Account.NotFound");
        }

        if (user.Id == actor.UserId)
        {
            return CommandResult.Fail("UserName", "Mfa.CannotResetSelf");
        }

        var before = new { twoFactorEnabled = user.TwoFactorEnabled };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);

        // A new random key nobody has seen replaces the old one; the recovery codes go.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.ClearRecoveryCodesAsync(user);
        user.LastTotpTimeStep = null;
        user.TwoFactorGraceFrom = DateTimeOffset.UnixEpoch;
        await users.UpdateSecurityStampAsync(user);
        audit.Add("MfaReset", EntityType, user.Id.ToString(), null, before, new { twoFactorEnabled = false });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }
}

/// <summary>The gate as carried in the sign-in cookie (refreshed at every security-stamp check).</summary>
public static class AccountGateClaims
{
    public const string Kind = "ep:gate";
    public const string Deadline = "ep:gate_deadline";

    public static IEnumerable<System.Security.Claims.Claim> For(AccountGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Kind == AccountGateKind.None)
        {
            yield break;
        }

        yield return new(Kind, gate.Kind.ToString());
        if (gate.Deadline is { } deadline)
        {
            yield return new(Deadline, deadline.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The gate of a signed-in user at <paramref name="now"/>: a reminder turns into enrolment when its deadline passes.</summary>
    public static AccountGateKind Read(System.Security.Claims.ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Enum.TryParse<AccountGateKind>(user.FindFirst(Kind)?.Value, out var kind))
        {
            return AccountGateKind.None;
        }

        if (kind == AccountGateKind.Remind
            && long.TryParse(user.FindFirst(Deadline)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && now >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            return AccountGateKind.Enrol;
        }

        return kind;
    }
}
