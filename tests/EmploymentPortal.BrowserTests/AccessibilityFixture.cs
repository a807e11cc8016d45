using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// The portal of <see cref="AccessibilityBrowserTests"/>: a <see cref="BrowserFixture"/>, a registered person in a
/// household (so the ledger, the person and the household pages have rows), and one signed-in page per account and
/// screen width, reused by every page checked with that account and width.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed partial class AccessibilityFixture : IAsyncLifetime
{
    private readonly Dictionary<(string? Account, int Width), (IBrowserContext Context, IPage Page)> _pages = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public BrowserFixture Portal { get; } = new();

    /// <summary>The path of a published posting's public page.</summary>
    public string PostingPath { get; private set; } = string.Empty;

    /// <summary>A person of community1's community, head of a household.</summary>
    public Guid PersonId { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>The axe-core script (axe/axe.min.js, see axe/README.md), injected into each page checked.</summary>
    public static string AxeScript { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();

        var page = await PageAsync("community1", 1366);
        foreach (var (idNumber, name) in new[] { ("370702197212120028", "李秀英"), ("370702197011110018", "马建华") })
        {
            await BrowserPages.RegisterPersonAsync(page, idNumber, name, "向阳路 20 号");
        }

        PersonId = Guid.Parse(BrowserPages.PersonPage().Match(page.Url).Groups[1].Value);
        await page.ClickAsync("[data-testid=create-household]");
        await page.FillAsync("#Members_0__IdNumber", "370702197212120028");
        await page.SelectOptionAsync("#Members_0__Relationship", "Spouse");
        await page.ClickAsync("[data-testid=check]");
        await page.ClickAsync("[data-testid=confirm]");
        await page.WaitForURLAsync(HouseholdUrl());
        HouseholdId = Guid.Parse(HouseholdUrl().Match(page.Url).Groups[1].Value);

        var anonymous = await PageAsync(null, 1366);
        await anonymous.GotoAsync("/Jobs");
        PostingPath = await anonymous.Locator("main a[href^='/Jobs/']").First.GetAttributeAsync("href") ?? throw new InvalidOperationException("No posting on /Jobs.");
    }

    /// <summary>The page of an account (null: not signed in) at a width (a phone below 400 pixels), signed in on first use.</summary>
    public async Task<IPage> PageAsync(string? account, int width)
    {
        await _lock.WaitAsync();
        try
        {
            if (_pages.TryGetValue((account, width), out var known))
            {
                return known.Page;
            }

            var phone = width < 400;
            var context = await Portal.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = phone ? 844 : 768 },
                IsMobile = phone,
                HasTouch = phone,
                Locale = "zh-CN",
            });
            var page = account is null
                ? await context.NewPageAsync()
                : await BrowserPages.SignInAsync(context, account, "**/*");
            _pages[(account, width)] = (context, page);
            return page;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (context, _) in _pages.Values)
        {
            await context.CloseAsync();
        }

        _lock.Dispose();
        await Portal.DisposeAsync();
    }

    [GeneratedRegex("/Station/Households/([0-9a-f-]{36})$")]
    private static partial Regex HouseholdUrl();
}
