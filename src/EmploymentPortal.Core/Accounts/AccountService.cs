using System.Text.RegularExpressions;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Account use cases over ASP.NET Core Identity: admins manage staff, the public signs up. Each command runs in one transaction with its
/// audit event. Error messages are localization keys (see the Web project's Texts files).
/// </summary>
public sealed partial class AccountService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock,
    StaffNames staffNames)
{
    private const string EntityType = "Account";

    public async Task<PagedResult<AccountListItem>> ListAsync(AccountListQuery query, CancellationToken cancellationToken)
    {
        var rows = Rows();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + LikePattern.Escape(query.Search.Trim()) + "%";
            rows = rows.Where(r => EF.Functions.ILike(r.User.UserName!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(r.User.DisplayName, pattern, LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            rows = rows.Where(r => r.Role == query.Role);
        }

        if (query.Disabled is { } disabled)
        {
            rows = rows.Where(r => r.User.IsDisabled == disabled);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var items = await rows
            .OrderBy(r => r.User.UserName)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(r => new AccountListItem(r.User.Id, r.User.UserName!, r.User.DisplayName, r.Role, r.UnitName, r.User.IsDisabled, r.User.LockoutEnd))
            .ToListAsync(cancellationToken);
        return new PagedResult<AccountListItem>(items, page, query.PageSize, total);
    }

    public Task<AccountDetail?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Rows().Where(r => r.User.Id == id)
            .Select(r => new AccountDetail(r.User.Id, r.User.UserName!, r.User.DisplayName, r.Role, r.User.OrgUnitId, r.UnitName, r.User.IsDisabled, r.User.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<(CommandResult Result, Guid? Id)> CreateStaffAsync(StaffAccountInput input, CancellationToken cancellationToken)
    {
        var userName = input.UserName.Trim();
        var check = await CheckAssignmentAsync(input.Role, input.OrgUnitId, cancellationToken);
        if (!check.Succeeded)
        {
            return (check, null);
        }

        if (!UserNamePattern().IsMatch(userName))
        {
            return (CommandResult.Fail(nameof(input.UserName), "Account.UserNameInvalid"), null);
        }

        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = input.DisplayName.Trim(),
            OrgUnitId = input.OrgUnitId,
            CreatedAt = clock.UtcNow,

            // The admin chose this password: the user must choose their own at the first sign-in.
            MustChangePassword = true,
        };

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return (FromIdentity(created), null);
        }

        await users.AddToRoleAsync(user, input.Role);
        audit.Add("AccountCreated", EntityType, user.Id.ToString(), null, null, Snapshot(user, input.Role));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (CommandResult.Ok, user.Id);
    }

    public async Task<CommandResult> AssignAsync(Guid id, string role, int orgUnitId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return CommandResult.Fail(string.Empty, "Account.NotFound");
        }

        // An administrator never changes their own role or unit: no one grants a role to
        // themselves, or acts with it (separation of duties, ADR 0005).
        if (user.Id == actor.UserId)
        {
            return CommandResult.Fail(nameof(role), "Account.CannotEditSelf");
        }

        var current = (await users.GetRolesAsync(user)).SingleOrDefault();
        if (current is null || !Roles.IsStaff(current))
        {
            return CommandResult.Fail(string.Empty, "Account.NotStaff");
        }

        var check = await CheckAssignmentAsync(role, orgUnitId, cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }

        var before = Snapshot(user, current);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (current != role)
        {
            await users.RemoveFromRoleAsync(user, current);
            await users.AddToRoleAsync(user, role);
        }

        user.OrgUnitId = orgUnitId;

        // A new stamp makes the user's cookie re-issue its claims (unit, region, role) within the
        // validation interval, so the new scope applies without signing out.
        await users.UpdateSecurityStampAsync(user);
        audit.Add("AccountAssigned", EntityType, user.Id.ToString(), null, before, Snapshot(user, role));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        staffNames.Forget();
        return CommandResult.Ok;
    }

    /// <summary>Changes the name records show for the account (<see cref="StaffNames"/>); audited.</summary>
    public async Task<CommandResult> RenameAsync(Guid id, string displayName, CancellationToken cancellationToken)
    {
        var name = displayName.Trim();
        if (name.Length == 0)
        {
            return CommandResult.Fail("DisplayName", "Accounts.DisplayNameRequired");
        }

        if (name.Length > PortalUser.DisplayNameMaxLength)
        {
            return CommandResult.Fail("DisplayName", "Accounts.DisplayNameTooLong");
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return CommandResult.Fail(string.Empty, "Account.NotFound");
        }

        var role = (await users.GetRolesAsync(user)).SingleOrDefault() ?? string.Empty;
        var before = Snapshot(user, role);
        user.DisplayName = name;
        audit.Add("AccountRenamed", EntityType, user.Id.ToString(), null, before, Snapshot(user, role));
        await db.SaveChangesAsync(cancellationToken);
        staffNames.Forget();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return CommandResult.Fail(string.Empty, "Account.NotFound");
        }

        if (disabled && user.Id == actor.UserId)
        {
            return CommandResult.Fail(string.Empty, "Account.CannotDisableSelf");
        }

        if (user.IsDisabled == disabled)
        {
            return CommandResult.Ok;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        if (!disabled)
        {
            // Re-enabling also clears a lock-out left over from before.
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
        }

        // The new stamp is what ends the disabled user's existing sessions.
        await users.UpdateSecurityStampAsync(user);
        audit.Add(disabled ? "AccountDisabled" : "AccountEnabled", EntityType, user.Id.ToString(), null, new { isDisabled = !disabled }, new { isDisabled = disabled });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<(CommandResult Result, Guid? Id)> SignUpAsync(SignUpInput input, CancellationToken cancellationToken)
    {
        if (!Roles.SelfService.Contains(input.Role))
        {
            return (CommandResult.Fail(nameof(input.Role), "Account.RoleNotAllowed"), null);
        }

        var login = input.Login.Trim();
        var isPhone = PhonePattern().IsMatch(login);
        var isEmail = !isPhone && EmailPattern().IsMatch(login);
        if (!isPhone && !isEmail)
        {
            return (CommandResult.Fail(nameof(input.Login), "Account.LoginInvalid"), null);
        }

        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = isEmail ? login.ToLowerInvariant() : login,
            Email = isEmail ? login.ToLowerInvariant() : null,
            PhoneNumber = isPhone ? login : null,
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.UtcNow,
        };

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return (FromIdentity(created, nameof(input.Login)), null);
        }

        await users.AddToRoleAsync(user, input.Role);

        // The snapshot names the role only: the login is a phone number or e-mail address.
        audit.Add("AccountSignedUp", EntityType, user.Id.ToString(), null, null, new { role = input.Role });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (CommandResult.Ok, user.Id);
    }

    private async Task<CommandResult> CheckAssignmentAsync(string role, int orgUnitId, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(role))
        {
            return CommandResult.Fail(nameof(role), "Account.RoleNotStaff");
        }

        var kind = await db.OrgUnits.Where(u => u.Id == orgUnitId).Select(u => (Domain.Regions.OrgUnitKind?)u.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            return CommandResult.Fail("OrgUnitId", "Account.UnitNotFound");
        }

        return kind == Roles.RequiredUnitKind(role) ? CommandResult.Ok : CommandResult.Fail("OrgUnitId", "Account.UnitKindMismatch");
    }

    private IQueryable<AccountRow> Rows() =>
        from u in db.Users
        join ou in db.OrgUnits on u.OrgUnitId equals ou.Id into units
        from unit in units.DefaultIfEmpty()
        select new AccountRow
        {
            User = u,
            Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            UnitName = unit == null ? null : unit.Name,
        };

    private static object Snapshot(PortalUser user, string role) =>
        new { userName = user.UserName, displayName = user.DisplayName, role, orgUnitId = user.OrgUnitId };

    private static CommandResult FromIdentity(IdentityResult result, string userNameField = nameof(StaffAccountInput.UserName)) =>
        new(result.Errors.Select(e => (e.Code.Contains("UserName", StringComparison.Ordinal) ? userNameField : e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : string.Empty, "Identity." + e.Code)).ToList());


    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    internal static partial Regex PhonePattern();

    [GeneratedRegex("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$")]
    internal static partial Regex EmailPattern();

    // A member-initialised class (not a positional record) so EF Core can translate filters on it.
    private sealed class AccountRow
    {
        public required PortalUser User { get; init; }

        public string? Role { get; init; }

        public string? UnitName { get; init; }
    }
}
