using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Adds the staff member's unit and its region code to the sign-in, from which
/// <see cref="DataScopes"/> derives the data scope. Runs again at every security-stamp
/// validation, so a change of unit takes effect within the validation interval.
/// </summary>
public sealed class PortalClaimsPrincipalFactory : UserClaimsPrincipalFactory<PortalUser, PortalRole>
{
    private readonly PortalDbContext _db;

    public PortalClaimsPrincipalFactory(
        UserManager<PortalUser> userManager,
        RoleManager<PortalRole> roleManager,
        IOptions<IdentityOptions> options,
        PortalDbContext db)
        : base(userManager, roleManager, options)
    {
        _db = db;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is { } unitId)
        {
            // The scope is being established here, so the caller has none yet; only the user's own unit is read.
#pragma warning disable RS0030 // IgnoreQueryFilters: the sign-in reads the unit its scope will come from.
            var unit = await _db.OrgUnits.IgnoreQueryFilters([PortalDbContext.RegionScopeFilter])
                .AsNoTracking()
                .Where(u => u.Id == unitId)
                .Select(u => new { u.Id, u.Name, u.Kind, u.RegionCode })
                .SingleAsync();
#pragma warning restore RS0030
            identity.AddClaim(new Claim(PortalClaims.UnitId, unit.Id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PortalClaims.UnitName, unit.Name));
            identity.AddClaim(new Claim(PortalClaims.UnitKind, unit.Kind.ToString()));
            identity.AddClaim(new Claim(PortalClaims.RegionCode, unit.RegionCode));
        }

        return identity;
    }
}
