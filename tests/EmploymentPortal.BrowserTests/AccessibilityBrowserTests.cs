namespace EmploymentPortal.BrowserTests;

/// <summary>
/// axe-core (axe/axe.min.js, committed here, never from a CDN) on the key pages of each kind of user at a desktop
/// width (1366×768) and a phone width (390×844): a serious or critical violation fails the page.
/// </summary>
public sealed class AccessibilityBrowserTests(AccessibilityFixture fixture) : IClassFixture<AccessibilityFixture>
{
    /// <summary>The pages checked: a name for the failure message, the account (null: not signed in) and the path.</summary>
    private static readonly (string Name, string? Account, Func<AccessibilityFixture, string> Path)[] Pages =
    [
        ("home", null, _ => "/"),
        ("job-search", null, _ => "/Jobs?q=" + Uri.EscapeDataString("保安")),
        ("job-posting", null, f => f.PostingPath),
        ("policies", null, _ => "/Policies"),
        ("self-check", null, _ => "/Policies/Check"),
        ("sign-in", null, _ => "/Identity/Account/Login"),
        ("sign-up", null, _ => "/Identity/Account/Register"),
        ("public-notices", null, _ => "/Notices"),
        ("seeker-applications", "seeker1", _ => "/Seeker/Applications"),
        ("station-home", "community1", _ => "/Station"),
        ("ledger", "community1", _ => "/Station/Persons"),
        ("person", "community1", f => $"/Station/Persons/{f.PersonId}"),
        ("person-history", "community1", f => $"/Station/Persons/{f.PersonId}/History"),
        ("register-person", "community1", _ => "/Station/Persons/Register"),
        ("household", "community1", f => $"/Station/Households/{f.HouseholdId}"),
        ("household-history", "community1", f => $"/Station/Households/{f.HouseholdId}/History"),
        ("station-dashboard", "community1", _ => "/Station/Dashboard"),
        ("station-monthly-report", "community1", _ => "/Station/MonthlyReport"),
        ("bureau-dashboard", "county1", _ => "/Bureau/Dashboard"),
        ("bureau-certifications", "county1", _ => "/Bureau/Certifications"),
        ("bureau-approval-queue", "county1", _ => "/Bureau/Applications"),
        ("bureau-monthly-report", "county1", _ => "/Bureau/MonthlyReport"),
        ("bureau-notices", "county1", _ => "/Bureau/Notices"),
        ("admin-accounts", "admin", _ => "/Admin/Accounts"),
    ];

    /// <summary>Each page at each width; the fixture signs each account in once per width.</summary>
    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 1366, BrowserPages.PhoneWidth })
        {
            foreach (var (name, _, _) in Pages)
            {
                data.Add(name, width);
            }
        }

        return data;
    }

    /// <summary>Runs axe on the whole document and keeps the serious and critical violations, one line per element.</summary>
    private const string SeriousViolations = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}`));
        }
        """;

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task KeyPage_HasNoSeriousOrCriticalAxeViolations(string name, int width)
    {
        var (_, account, path) = Pages.Single(p => p.Name == name);
        var page = await fixture.PageAsync(account, width);
        var response = await page.GotoAsync(path(fixture));
        response!.Status.Should().Be(200, "{0} ({1}) opens for {2}", name, path(fixture), account ?? "anyone");

        await page.EvaluateAsync(AccessibilityFixture.AxeScript);
        var violations = await page.EvaluateAsync<string[]>(SeriousViolations);

        violations.Should().BeEmpty("{0} ({1}) at {2} px as {3} has no serious or critical axe violations", name, path(fixture), width, account ?? "anyone");
    }
}
