using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Core.Seeding;

/// <summary>Applies migrations, makes sure the roles exist and, when asked, seeds the demo city.</summary>
public sealed class PortalDatabaseInitializer(
    DbContextOptions<PortalDbContext> options,
    PortalConnections connections,
    UserManager<PortalUser> users,
    RoleManager<PortalRole> roles,
    BusinessClock clock,
    ILogger<PortalDatabaseInitializer> logger)
{
    /// <summary>Migrates as the owner (<c>ConnectionStrings:PortalOwner</c>), which bypasses row-level security.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = new PortalDbContext(PortalDatabase.Options(connections.Owner), new FixedDataScopeProvider(DataScope.All));
        // Creating the history table first keeps EF Core from logging a failed query against a
        // missing table on a fresh database, which reads like an error to operators.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        logger.LogInformation("Database migrated, latest migration {Migration}", applied.LastOrDefault());
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new PortalRole(role));
            }
        }

        // Policy parameters are reference data the rules need: add the versions that are missing.
        var existing = (await db.PolicyParameters.Select(p => new { p.Key, p.EffectiveFrom }).ToListAsync(cancellationToken))
            .Select(p => (p.Key, p.EffectiveFrom)).ToHashSet();
        foreach (var (key, from, value, source) in PolicyParameterSeed.All.Concat(SchemeParameterSeed.All))
        {
            if (!existing.Contains((key, from)))
            {
                db.PolicyParameters.Add(PolicyParameter.Create(key, from, value, source));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The report rollups' calendar follows the parameters in force today; a first run or a
        // changed parameter rebuilds the rollups (docs/policy-rules.md, "Reports").
        var set = new PolicyParameterSet((await db.PolicyParameters.AsNoTracking().Select(p => new { p.Key, p.EffectiveFrom, p.Value }).ToListAsync(cancellationToken))
            .Select(p => (p.Key, p.EffectiveFrom, p.Value)));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await Reports.ReportRollups.EnsureAsync(db.Database.GetDbConnection(), Core.Reports.ReportThresholds.On(set, clock.Today), clock.UtcNow, cancellationToken))
            {
                logger.LogInformation("Report rollups rebuilt");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Seeds the demo city and accounts; running it again changes nothing. With
    /// <paramref name="demoAuthenticator"/> (Development and the tests only) the demo staff accounts
    /// get the fixed authenticator key <see cref="DemoCity.AuthenticatorKey"/> and a second factor.
    /// </summary>
    public async Task SeedDemoAsync(CancellationToken cancellationToken, bool demoAuthenticator = false)
    {
        await using var db = SystemContext();
        var province = await RegionAsync(db, DemoCity.Province.Code, DemoCity.Province.Name, null, cancellationToken);
        var city = await RegionAsync(db, DemoCity.City.Code, DemoCity.City.Name, province, cancellationToken);
        await UnitAsync(db, city, OrgUnitKind.CityBureau, cancellationToken);
        foreach (var district in DemoCity.Districts)
        {
            var county = await RegionAsync(db, district.Code, district.Name, city, cancellationToken);
            await UnitAsync(db, county, OrgUnitKind.CountyBureau, cancellationToken);
            foreach (var streetSeed in district.Streets)
            {
                var street = await RegionAsync(db, streetSeed.Code, streetSeed.Name, county, cancellationToken);
                await UnitAsync(db, street, OrgUnitKind.StreetOffice, cancellationToken);
                for (var i = 0; i < streetSeed.Communities.Count; i++)
                {
                    var community = await RegionAsync(db, streetSeed.CommunityCode(i), streetSeed.Communities[i], street, cancellationToken);
                    await UnitAsync(db, community, OrgUnitKind.CommunityStation, cancellationToken);
                }
            }
        }

        foreach (var seed in DemoCity.Accounts)
        {
            if (await users.FindByNameAsync(seed.UserName) is not null)
            {
                continue;
            }

            int? unitId = seed.UnitRegionCode is null
                ? null
                : await db.OrgUnits.Where(u => u.RegionCode == seed.UnitRegionCode).Select(u => u.Id).SingleAsync(cancellationToken);
            var user = new PortalUser
            {
                Id = Guid.CreateVersion7(),
                UserName = seed.UserName,
                DisplayName = seed.DisplayName,
                OrgUnitId = unitId,
                CreatedAt = clock.UtcNow,
            };
            Check(await users.CreateAsync(user, DemoCity.Password), seed.UserName);
            Check(await users.AddToRoleAsync(user, seed.Role), seed.UserName);
            if (demoAuthenticator && Roles.IsStaff(seed.Role))
            {
                Check(await ((PortalUserManager)users).SetDemoAuthenticatorKeyAsync(user, DemoCity.AuthenticatorKey), seed.UserName);
                Check(await users.SetTwoFactorEnabledAsync(user, true), seed.UserName);
            }
        }

        await SeedDemoPostingsAsync(db, cancellationToken);
        logger.LogInformation("Demo data seeded: {RegionCount} regions, {UnitCount} units", await db.Regions.CountAsync(cancellationToken), await db.OrgUnits.CountAsync(cancellationToken));
    }

    /// <summary>A verified demo employer of the <c>employer1</c> account and its published postings in the demo districts, so /Jobs shows something.</summary>
    private async Task SeedDemoPostingsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var code = DemoCity.EmployerCreditCode();
        if (await db.Employers.AnyAsync(e => e.CreditCode == code.Value, cancellationToken))
        {
            return;
        }

        var account = await users.FindByNameAsync("employer1");
        var communities = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        var today = clock.Today;
        var home = communities[0];
        var employer = Domain.Jobs.Employer.Create(code, "潍坊演示人力资源服务有限公司", "人力资源服务", Domain.Jobs.EmployerSize.Small, home.Id, home.Code, "张经理", "05368888888", account?.Id, now);
        employer.Verify(true, null, "系统演示数据", now);
        db.Employers.Add(employer);
        for (var i = 0; i < DemoCity.Postings.Count; i++)
        {
            var (title, description, occupation, payMin, payMax, type) = DemoCity.Postings[i];
            var region = communities[(i * 7) % communities.Count];
            var posting = Domain.Jobs.Posting.Create(employer.Id,
                new Domain.Jobs.PostingDetails(title, description, occupation, region.Id, region.Code, payMin, payMax, 1 + (i % 5), type, null, null, "张经理", "05368888888", today, today.AddDays(90)),
                "系统演示数据", now, today);
            posting.SubmitForReview();
            posting.Review(true, null, employer.Status, "系统演示数据", now.AddHours(-i), clock.DateOf(now.AddHours(-i)));
            db.Postings.Add(posting);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private PortalDbContext SystemContext() => new(options, new FixedDataScopeProvider(DataScope.All));

    private static async Task<Region> RegionAsync(PortalDbContext db, string code, string name, Region? parent, CancellationToken cancellationToken)
    {
        var existing = await db.Regions.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var region = Region.Create(RegionCode.Parse(code), name, parent);
        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        return region;
    }

    private static async Task UnitAsync(PortalDbContext db, Region region, OrgUnitKind kind, CancellationToken cancellationToken)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.RegionId == region.Id && u.Kind == kind, cancellationToken))
        {
            db.OrgUnits.Add(OrgUnit.Create(DemoCity.UnitName(region.Name, kind), kind, region));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding account {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
