using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Core.Scoping;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Adds the staff member's unit and its region code to the sign-in, from which
/// <see cref="DataScopes"/> derives the data scope. Runs again at every security-stamp
/// validation, so a change of unit takes effect within the validation interval.
/// </summary>
public sealed class PortalClaimsPrincipalFactory : UserClaimsPrincipalFactory<PortalUser, PortalRole>
{
    private readonly UnscopedReads _unscoped;
    private readonly TwoFactor.SecondFactorPolicy _secondFactor;

    public PortalClaimsPrincipalFactory(
        UserManager<PortalUser> userManager,
        RoleManager<PortalRole> roleManager,
        IOptions<IdentityOptions> options,
        UnscopedReads unscoped,
        TwoFactor.SecondFactorPolicy secondFactor)
        : base(userManager, roleManager, options)
    {
        _unscoped = unscoped;
        _secondFactor = secondFactor;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is { } unitId)
        {
            // The scope is being established here, so the caller has none yet: the one named read of the user's own unit.
            var unit = await _unscoped.SignInUnitAsync(unitId, CancellationToken.None);
            identity.AddClaim(new Claim(PortalClaims.UnitId, unit.Id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PortalClaims.UnitName, unit.Name));
            identity.AddClaim(new Claim(PortalClaims.UnitKind, unit.Kind.ToString()));
            identity.AddClaim(new Claim(PortalClaims.RegionCode, unit.RegionCode));
        }

        // What the account must do first (change an admin-set password, enrol a second factor).
        var roles = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        identity.AddClaims(TwoFactor.AccountGateClaims.For(await _secondFactor.GateAsync(user, roles, CancellationToken.None)));
        return identity;
    }
}
