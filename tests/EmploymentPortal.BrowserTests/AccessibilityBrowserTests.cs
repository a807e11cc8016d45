using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// axe-core (axe/axe.min.js, committed here, never from a CDN) on the key pages of each kind of user at a desktop
/// width (1366×768) and a phone width (390×844): a serious or critical violation fails the page.
/// </summary>
public sealed partial class AccessibilityBrowserTests(AccessibilityFixture fixture) : IClassFixture<AccessibilityFixture>
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
        ("households", "community1", _ => "/Station/Households"),
        ("station-dashboard", "street1", _ => "/Station/Dashboard"),
        ("station-monthly-report", "street1", _ => "/Station/MonthlyReport"),
        ("bureau-dashboard", "county1", _ => "/Bureau/Dashboard"),
        ("bureau-certifications", "county1", _ => "/Bureau/Certifications"),
        ("bureau-approval-queue", "county1", _ => "/Bureau/Applications"),
        ("bureau-monthly-report", "county1", _ => "/Bureau/MonthlyReport"),
        ("bureau-notices", "county1", _ => "/Bureau/Notices"),
        ("bureau-targets", "county1", _ => "/Bureau/Targets"),
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

        violations.Should().BeEmpty(
            "{0} ({1}) at {2} px as {3} has no serious or critical axe violations, found:{4}",
            name, path(fixture), width, account ?? "anyone", string.Concat(violations.Select(v => Environment.NewLine + "  " + v)));
    }

    /// <summary>The focused element, whether its focus ring shows (an outline of some width), and whether it is the one sought.</summary>
    private const string FocusNow = """
        selector => {
          const e = document.activeElement, s = getComputedStyle(e);
          return {
            element: e.tagName + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : ''),
            ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
            sought: e.matches(selector),
          };
        }
        """;

    [Fact]
    public async Task KeyboardOnly_CommunityStaffSignsInAndRegistersAPerson_WithTheFocusAlwaysVisible()
    {
        await using var context = await fixture.Portal.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var keyboard = page.Keyboard;

        // The password step: the user name has the focus when the page opens; Enter submits.
        await page.GotoAsync("/Identity/Account/Login");
        (await page.EvaluateAsync<Focus>(FocusNow, "#Input_UserName")).Sought.Should().BeTrue("the sign-in page focuses the user name");
        await keyboard.TypeAsync("community1");
        await TabToAsync(page, "#Input_Password");
        await keyboard.TypeAsync("Demo!2345678");
        await keyboard.PressAsync("Enter");

        // The second step: the authenticator code.
        await page.WaitForURLAsync("**/Identity/Account/LoginWith2fa*");
        var second = BrowserFixture.SecondFactorOf(context);
        await second.AllowCodeAgainAsync("community1");
        await TabToAsync(page, "#Input_Code");
        await keyboard.TypeAsync(second.CodeNow());
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Station");

        // The ledger from the header, then its register button.
        await TabToAsync(page, "nav a[href='/Station/Persons']");
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Station/Persons");
        await TabToAsync(page, "main a[href='/Station/Persons/Register']");
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Station/Persons/Register");

        // Every required field (the community is chosen already), a choice with the arrow keys, a box with the space bar.
        await TabToAsync(page, "#IdNumber");
        await keyboard.TypeAsync("370702198807250045");
        await TabToAsync(page, "#Input_Name");
        await keyboard.TypeAsync("王淑芬");
        await TabToAsync(page, "#Input_Address");
        await keyboard.TypeAsync("向阳路 8 号");
        await TabToAsync(page, "#Input_Education");
        var before = await page.EvaluateAsync<string>("() => document.activeElement.value");
        await keyboard.PressAsync("ArrowDown");
        (await page.EvaluateAsync<string>("() => document.activeElement.value")).Should().NotBe(before, "the arrow keys change a choice");
        await TabToAsync(page, "input[name='Input.Groups']");
        await keyboard.PressAsync("Space");
        (await page.EvaluateAsync<bool>("() => document.activeElement.checked")).Should().BeTrue("the space bar ticks a box");
        await TabToAsync(page, "[data-testid=register-submit]");
        await keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(PersonPage());
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("王淑芬");
        (await page.Locator("[data-testid=identity]").TextContentAsync()).Should().Contain("1988-07-25").And.Contain("女");
    }

    /// <summary>Presses Tab until the element sought has the focus, checking at each step that the focused element shows a focus ring.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var path = new List<string>();
        for (var step = 0; step < 100; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusNow, selector);
            path.Add(focus.Element);
            focus.Ring.Should().BeTrue("{0} shows where the keyboard focus is on {1}", focus.Element, page.Url);
            if (focus.Sought)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}: {string.Join(" → ", path)}");
    }

    private sealed class Focus
    {
        public string Element { get; set; } = string.Empty;

        public bool Ring { get; set; }

        public bool Sought { get; set; }
    }

    [GeneratedRegex("/Station/Persons/[0-9a-f-]{36}$")]
    private static partial Regex PersonPage();
}
