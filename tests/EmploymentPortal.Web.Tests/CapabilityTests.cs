using System.Security.Claims;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Authorization as declared on the endpoints (docs/authorization.md): every non-public page
/// carries exactly one capability policy, and who reaches which page, and who holds which
/// capability, match tables written here by hand. The tables are the specification: when a page
/// or a capability is added or changed, the table changes with it, on purpose.
/// </summary>
public sealed class CapabilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>The columns of both tables: no user, then one account of each role.</summary>
    private static readonly string?[] Columns =
        [null, "CommunityStaff", "StreetStaff", "CountyOfficial", "CityOfficial", "Employer", "JobSeeker", "SystemAdmin", "SecurityAdmin", "AuditAdmin"];

    /// <summary>Who may open each page: x allowed, . refused (anon: without signing in).</summary>
    private const string PageTable = """
                                          anon com str cou cit emp see sys sec aud
        /Applications/Detail               .   x   x   x   x   .   .   .   .   .
        /Culture                           x   x   x   x   x   x   x   x   x   x
        /Employer/Applicants/Detail        .   .   .   .   .   x   .   .   .   .
        /Employer/Applicants/Index         .   .   .   .   .   x   .   .   .   .
        /Employer/Index                    .   .   .   .   .   x   .   .   .   .
        /Employers/Detail                  .   x   x   x   x   .   .   .   .   .
        /Employers/Index                   .   x   x   x   x   .   .   .   .   .
        /Error                             x   x   x   x   x   x   x   x   x   x
        /Index                             x   x   x   x   x   x   x   x   x   x
        /JobFairs/Detail                   x   x   x   x   x   x   x   x   x   x
        /JobFairs/Index                    x   x   x   x   x   x   x   x   x   x
        /Jobs/Detail                       x   x   x   x   x   x   x   x   x   x
        /Jobs/Index                        x   x   x   x   x   x   x   x   x   x
        /Layoffs/File                      .   x   x   x   x   x   .   .   .   .
        /Layoffs/Index                     .   x   x   x   x   x   .   .   .   .
        /Notices/Detail                    x   x   x   x   x   x   x   x   x   x
        /Notices/Index                     x   x   x   x   x   x   x   x   x   x
        /Org/Regions/Detail                .   x   x   x   x   .   .   x   .   .
        /Org/Units/Detail                  .   x   x   x   x   .   .   x   .   .
        /Policies/Check                    x   x   x   x   x   x   x   x   x   x
        /Policies/Detail                   x   x   x   x   x   x   x   x   x   x
        /Policies/Index                    x   x   x   x   x   x   x   x   x   x
        /Postings/Detail                   .   x   x   x   x   x   .   .   .   .
        /Postings/Edit                     .   x   x   x   x   x   .   .   .   .
        /Postings/Index                    .   x   x   x   x   x   .   .   .   .
        /Schemes/Detail                    x   x   x   x   x   x   x   x   x   x
        /Schemes/Index                     x   x   x   x   x   x   x   x   x   x
        /Schemes/NewVersion                .   .   .   .   x   .   .   .   .   .
        /Seeker/Index                      .   .   .   .   .   .   x   .   .   .
        /Seeker/Applications               .   .   .   .   .   .   x   .   .   .
        /Seeker/Link                       .   .   .   .   .   .   x   .   .   .
        /Seeker/Postings/Detail            .   .   .   .   .   .   x   .   .   .
        /Seeker/Saved                      .   .   .   .   .   .   x   .   .   .
        /Status                            x   x   x   x   x   x   x   x   x   x
        Admin:/Accounts/Create             .   .   .   .   .   .   .   x   .   .
        Admin:/Accounts/Edit               .   .   .   .   .   .   .   x   .   .
        Admin:/Accounts/Index              .   .   .   .   .   .   .   x   .   .
        Admin:/Accounts/Status             .   .   .   .   .   .   .   x   .   .
        Admin:/Audit/Index                 .   .   .   .   .   .   .   .   .   x
        Admin:/Index                       .   .   .   .   .   .   .   x   .   .
        Admin:/Scheduler/Index             .   .   .   .   .   .   .   x   .   .
        Admin:/Scheduler/Run               .   .   .   .   .   .   .   x   .   .
        Bureau:/Applications/Index         .   .   .   x   x   .   .   .   .   .
        Bureau:/Calendar/Index             .   .   .   .   x   .   .   .   .   .
        Bureau:/Candidates                 .   .   .   x   x   .   .   .   .   .
        Bureau:/Certifications/Detail      .   .   .   x   x   .   .   .   .   .
        Bureau:/Certifications/Index       .   .   .   x   x   .   .   .   .   .
        Bureau:/Dashboard                  .   .   .   x   x   .   .   .   .   .
        Bureau:/Index                      .   .   .   x   x   .   .   .   .   .
        Bureau:/Layoffs/Detail             .   .   .   x   x   .   .   .   .   .
        Bureau:/Layoffs/Index              .   .   .   x   x   .   .   .   .   .
        Bureau:/Monitoring/Index           .   .   .   x   x   .   .   .   .   .
        Bureau:/Monitoring/Missing         .   .   .   x   x   .   .   .   .   .
        Bureau:/MonthlyReport              .   .   .   x   x   .   .   .   .   .
        Bureau:/Notices/Detail             .   .   .   x   x   .   .   .   .   .
        Bureau:/Notices/Index              .   .   .   x   x   .   .   .   .   .
        Bureau:/Payments/Index             .   .   .   x   x   .   .   .   .   .
        Bureau:/Targets/Index              .   .   .   x   x   .   .   .   .   .
        Bureau:/Tasks/Index                .   .   .   x   x   .   .   .   .   .
        Identity:/Account/Login            x   x   x   x   x   x   x   x   x   x
        Identity:/Account/Logout           .   x   x   x   x   x   x   x   x   x
        Identity:/Account/Register         x   x   x   x   x   x   x   x   x   x
        Station:/Applications/Edit         .   x   x   .   .   .   .   .   .   .
        Station:/Applications/Index        .   x   x   .   .   .   .   .   .   .
        Station:/Candidates                .   x   x   .   .   .   .   .   .   .
        Station:/Dashboard                 .   .   x   .   .   .   .   .   .   .
        Station:/Households/Create         .   x   x   .   .   .   .   .   .   .
        Station:/Households/Detail         .   x   x   .   .   .   .   .   .   .
        Station:/Households/History        .   x   x   .   .   .   .   .   .   .
        Station:/Households/Index          .   x   x   .   .   .   .   .   .   .
        Station:/Households/RemoveMember   .   x   x   .   .   .   .   .   .   .
        Station:/Index                     .   x   x   .   .   .   .   .   .   .
        Station:/JobFairs/Edit             .   x   x   .   .   .   .   .   .   .
        Station:/JobFairs/Index            .   x   x   .   .   .   .   .   .   .
        Station:/Matching/Person           .   x   x   .   .   .   .   .   .   .
        Station:/Matching/Posting          .   x   x   .   .   .   .   .   .   .
        Station:/Monitoring/Index          .   x   x   .   .   .   .   .   .   .
        Station:/MonthlyReport             .   .   x   .   .   .   .   .   .   .
        Station:/Persons/Cancel            .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Detail            .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Edit              .   x   x   .   .   .   .   .   .   .
        Station:/Persons/EndRegistration   .   x   x   .   .   .   .   .   .   .
        Station:/Persons/History           .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Import            .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Index             .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Merge             .   x   x   .   .   .   .   .   .   .
        Station:/Persons/Register          .   x   x   .   .   .   .   .   .   .
        Station:/Persons/RequestCertification .   x   x   .   .   .   .   .   .   .
        Station:/Pushes/Index              .   x   x   .   .   .   .   .   .   .
        Station:/Referrals/Detail          .   x   x   .   .   .   .   .   .   .
        Station:/Referrals/Index           .   x   x   .   .   .   .   .   .   .
        Station:/Referrals/Links           .   x   x   .   .   .   .   .   .   .
        Station:/Tasks/Index               .   x   x   .   .   .   .   .   .   .
        Station:/Transfers/Decide          .   x   x   .   .   .   .   .   .   .
        Station:/Transfers/Index           .   x   x   .   .   .   .   .   .   .
        Station:/Transfers/Request         .   x   x   .   .   .   .   .   .   .
        Admin:/Security/Index              .   .   .   .   .   .   .   .   x   .
        Identity:/Account/LoginWith2fa     x   x   x   x   x   x   x   x   x   x
        Identity:/Account/Manage/ChangePassword  .   x   x   x   x   x   x   x   x   x
        Identity:/Account/Manage/EnableAuthenticator  .   x   x   x   x   x   x   x   x   x
        Identity:/Account/Manage/Index     .   x   x   x   x   x   x   x   x   x
        Identity:/Account/Manage/RecoveryCodes  .   x   x   x   x   x   x   x   x   x
        Identity:/Account/RegisterConfirm  x   x   x   x   x   x   x   x   x   x
        """;

    /// <summary>Which role holds each capability (pages, views and services ask these).</summary>
    private const string CapabilityTable = """
                                    com str cou cit emp see sys sec aud
        ViewStationHome              x   x   .   .   .   .   .   .   .
        RegisterPersons              x   x   .   .   .   .   .   .   .
        ManageHouseholds             x   x   .   .   .   .   .   .   .
        TransferPersons              x   x   .   .   .   .   .   .   .
        PrepareSubsidies             x   x   .   .   .   .   .   .   .
        FollowUpCandidates           x   x   .   .   .   .   .   .   .
        ManageJobFairs               x   x   .   .   .   .   .   .   .
        MatchJobs                    x   x   .   .   .   .   .   .   .
        FileMonitoringReports        x   x   .   .   .   .   .   .   .
        ViewStationDashboard         .   x   .   .   .   .   .   .   .
        ViewBureauHome               .   .   x   x   .   .   .   .   .
        ViewBureauDashboard          .   .   x   x   .   .   .   .   .
        ViewAreaCandidates           .   .   x   x   .   .   .   .   .
        RerunEligibility             .   .   x   .   .   .   .   .   .
        DecideCertifications         .   .   x   x   .   .   .   .   .
        ApproveSubsidies             .   .   x   x   .   .   .   .   .
        PublishNotices               .   .   x   x   .   .   .   .   .
        PaySubsidies                 .   .   x   x   .   .   .   .   .
        ReviewLayoffs                .   .   x   x   .   .   .   .   .
        AcknowledgeLayoffs           .   .   x   .   .   .   .   .   .
        OverseeMonitoring            .   .   x   x   .   .   .   .   .
        DesignateMonitoringPoints    .   .   x   .   .   .   .   .   .
        MonitorCityWide              .   .   .   x   .   .   .   .   .
        ViewTargets                  .   .   x   x   .   .   .   .   .
        SetTargets                   .   .   .   x   .   .   .   .   .
        KeepCalendar                 .   .   .   x   .   .   .   .   .
        ViewOrganisation             x   x   x   x   .   .   x   .   .
        ViewSubsidyApplications      x   x   x   x   .   .   .   .   .
        ViewEmployers                x   x   x   x   .   .   .   .   .
        VerifyEmployers              .   x   x   x   .   .   .   .   .
        ManagePostings               x   x   x   x   x   .   .   .   .
        ReviewPostings               .   x   x   x   .   .   .   .   .
        FileLayoffs                  x   x   x   x   x   .   .   .   .
        EditPolicyNumbers            .   .   .   x   .   .   .   .   .
        ManageAccounts               .   .   .   .   .   .   x   .   .
        ManageSecurity               .   .   .   .   .   .   .   x   .
        ReadAudit                    .   .   .   .   .   .   .   .   x
        RunScheduledJobs             .   .   .   .   .   .   x   .   .
        ActForOwnEmployer            .   .   .   .   x   .   .   .   .
        ReviewApplicants             .   .   .   .   x   .   .   .   .
        SeekJobs                     .   .   .   .   .   x   .   .   .
        SignOut                      x   x   x   x   x   x   x   x   x
        ManageOwnAccount             x   x   x   x   x   x   x   x   x
        """;

    [Fact]
    public void EveryNonPublicPage_DeclaresExactlyOneCapability()
    {
        var pages = PageEndpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        pages.Should().HaveCountGreaterThan(60);

        var offenders = pages
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>() is not [{ Policy: { } policy, Roles: null or "", AuthenticationSchemes: null }]
                || !Capabilities.All.Contains(policy))
            .Select(e => $"{Describe(e)}: {string.Join(", ", e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "Roles=" + a.Roles))}")
            .Distinct()
            .ToList();
        offenders.Should().BeEmpty("a page is public ([AllowAnonymous]) or declares exactly one [Authorize(Policy = Capabilities.X)], never only the signed-in fallback nor roles");
    }

    [Fact]
    public async Task EveryPage_ByRole_MatchesTheHandWrittenTable()
    {
        var expected = Parse(PageTable);
        var provider = portal.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var actual = new Dictionary<string, string>();
        foreach (var endpoint in PageEndpoints())
        {
            var page = Describe(endpoint);
            if (actual.ContainsKey(page))
            {
                continue;
            }

            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = await AuthorizationPolicy.CombineAsync(
                    provider,
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                    endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
                ?? await provider.GetFallbackPolicyAsync();
            var cells = new List<string>();
            foreach (var role in Columns)
            {
                cells.Add(isPublic || await AllowsAsync(policy!, role) ? "x" : ".");
            }

            actual[page] = string.Join(' ', cells);
        }

        actual.Should().HaveCountGreaterThan(80);
        actual.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task EveryCapability_ByRole_MatchesTheHandWrittenTable()
    {
        var expected = Parse(CapabilityTable);
        var provider = portal.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var actual = new Dictionary<string, string>();
        foreach (var capability in Capabilities.All)
        {
            var policy = await provider.GetPolicyAsync(capability);
            policy.Should().NotBeNull(capability);
            var cells = new List<string>();
            foreach (var role in Columns.Skip(1))
            {
                cells.Add(await AllowsAsync(policy!, role) ? "x" : ".");
                Capabilities.Allows(role, capability).Should().Be(cells[^1] == "x", "services ask the same map as the policy ({0}, {1})", capability, role);
            }

            actual[capability] = string.Join(' ', cells);
        }

        actual.Should().BeEquivalentTo(expected);
    }

    private async Task<bool> AllowsAsync(AuthorizationPolicy policy, string? role)
    {
        var user = role is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, role)], "Test"));
        var authorization = portal.Factory.Services.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    /// <summary>A table's rows as "name" → "x . x …", the header line skipped.</summary>
    private static Dictionary<string, string> Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0], cells => string.Join(' ', cells.Skip(1)));

    private List<RouteEndpoint> PageEndpoints() =>
        portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();

    private static string Describe(RouteEndpoint endpoint)
    {
        var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
        return page.AreaName is null ? page.ViewEnginePath : $"{page.AreaName}:{page.ViewEnginePath}";
    }
}
