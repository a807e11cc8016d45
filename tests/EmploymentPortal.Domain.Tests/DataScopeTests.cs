using System.Security.Claims;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The rule from a signed-in user to a data scope: staff see their subtree, all else fails closed.</summary>
public sealed class DataScopeTests
{
    [Theory]
    [InlineData(Roles.CommunityStaff, "370702001001", "370702001001")]
    [InlineData(Roles.StreetStaff, "370702001000", "370702001")]
    [InlineData(Roles.CountyOfficial, "370702000000", "370702")]
    [InlineData(Roles.CityOfficial, "370700000000", "3707")]
    public void ForPrincipal_Staff_ScopesToTheirSubtree(string role, string regionCode, string prefix)
    {
        var scope = DataScopes.ForPrincipal(User(role, regionCode));
        scope.SeesAll.Should().BeFalse();
        scope.RegionPrefix.Should().Be(prefix);
        scope.Includes(regionCode).Should().BeTrue();
    }

    [Fact]
    public void ForPrincipal_SystemAdmin_SeesAll() =>
        DataScopes.ForPrincipal(User(Roles.SystemAdmin, "370700000000")).Should().Be(DataScope.All);

    [Theory]
    [InlineData(Roles.SecurityAdmin)]
    [InlineData(Roles.AuditAdmin)]
    public void ForPrincipal_SecurityAndAuditAdmins_SeeNoRegionRows(string role) =>
        DataScopes.ForPrincipal(User(role, "370700000000")).Should().Be(DataScope.None);

    [Theory]
    [InlineData(Roles.JobSeeker, null)]
    [InlineData(Roles.Employer, null)]
    [InlineData(Roles.CommunityStaff, null)]
    [InlineData(Roles.CommunityStaff, "not-a-code")]
    [InlineData(Roles.JobSeeker, "370702001001")]
    public void ForPrincipal_NoUsableUnit_SeesNothing(string role, string? regionCode)
    {
        var scope = DataScopes.ForPrincipal(User(role, regionCode));
        scope.Should().Be(DataScope.None);
        scope.Includes("370702001001").Should().BeFalse();
    }

    [Fact]
    public void ForPrincipal_Anonymous_SeesNothing()
    {
        DataScopes.ForPrincipal(new ClaimsPrincipal(new ClaimsIdentity())).Should().Be(DataScope.None);
        DataScopes.ForPrincipal(null).Should().Be(DataScope.None);
    }

    [Theory]
    [InlineData("370702001001", true)]
    [InlineData("370702001002", true)]
    [InlineData("370702002001", false)]
    [InlineData("37070200", false)]
    public void Includes_StreetScope_MatchesItsCommunitiesOnly(string code, bool expected) =>
        DataScopes.ForPrincipal(User(Roles.StreetStaff, "370702001000")).Includes(code).Should().Be(expected);

    /// <summary>
    /// The range the row-level-security policies compare codes with (ADR 0003): what the interceptor
    /// tells a connection for each scope setting; anything but <c>all</c> or 2 to 12 digits is empty.
    /// </summary>
    [Theory]
    [InlineData("all", "", "zz")]
    [InlineData("370702", "370702", "370702z")]
    [InlineData("370702001001", "370702001001", "370702001001z")]
    [InlineData("none", "z", "")]
    [InlineData("3", "z", "")]
    [InlineData("37%", "z", "")]
    [InlineData("3707020010011", "z", "")]
    [InlineData("", "z", "")]
    public void Bounds_OfEachScopeSetting_AreItsRange(string setting, string low, string high) =>
        RowSecurity.Bounds(setting).Should().Be((low, high));

    [Theory]
    [InlineData("370702001001")]
    [InlineData("370702999999")]
    public void Bounds_OfAPrefix_HoldEveryCodeUnderIt(string code)
    {
        var (low, high) = RowSecurity.Bounds("370702");
        (string.CompareOrdinal(code, low) >= 0 && string.CompareOrdinal(code, high) < 0).Should().BeTrue();
        var (otherLow, otherHigh) = RowSecurity.Bounds("370705");
        (string.CompareOrdinal(code, otherLow) >= 0 && string.CompareOrdinal(code, otherHigh) < 0).Should().BeFalse();
    }

    private static ClaimsPrincipal User(string role, string? regionCode)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role) };
        if (regionCode is not null)
        {
            claims.Add(new Claim(PortalClaims.RegionCode, regionCode));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
