using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Bench;

/// <summary>
/// The scope is derived from the signed-in user's claims each time the region filter is
/// evaluated, i.e. on every scoped query. These measure that hot path.
/// </summary>
[MemoryDiagnoser]
public class ScopeBenchmarks
{
    private readonly ClaimsPrincipal _community = Staff(Roles.CommunityStaff, "370702001001");
    private readonly ClaimsPrincipal _county = Staff(Roles.CountyOfficial, "370702000000");
    private readonly DataScope _street = DataScope.Region(RegionCode.Parse("370702001000"));

    [Benchmark]
    public DataScope ScopeForCommunityStaff() => DataScopes.ForPrincipal(_community);

    [Benchmark]
    public DataScope ScopeForCountyOfficial() => DataScopes.ForPrincipal(_county);

    [Benchmark]
    public bool RegionCodeTryParse() => RegionCode.TryParse("370702001001", out _);

    [Benchmark]
    public bool IncludesCheck() => _street.Includes("370702001003");

    private static ClaimsPrincipal Staff(string role, string region) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u"), new Claim(ClaimTypes.Role, role), new Claim(PortalClaims.RegionCode, region)], "bench"));
}
