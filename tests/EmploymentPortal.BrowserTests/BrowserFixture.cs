using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (seeded database) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download does not work here, so the system Chromium is launched.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private PortalAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The portal's fake clock (a class that moves it has its own fixture).</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _factory?.Clock ?? throw new InvalidOperationException("Not started.");

    /// <summary>The test server's database, for data a test needs before it looks (the triggers keep the rollups as for the portal's own writes).</summary>
    public string ConnectionString => _factory?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    /// <summary>The second sign-in step of each context's portal (<see cref="BrowserPages.SignInAsync"/> reads it).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, DemoSecondFactor> SecondFactors = new();

    /// <summary>The demo authenticator code on this portal's clock.</summary>
    public DemoSecondFactor SecondFactor => new(Clock, ConnectionString);

    public static DemoSecondFactor SecondFactorOf(IBrowserContext context) =>
        SecondFactors.TryGetValue(context, out var second) ? second : throw new InvalidOperationException("The context was not made by BrowserFixture.NewContextAsync.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test does).");
        }

        _factory = new PortalAppFactory(await TestDatabases.CreateSeededAsync());
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>
    /// A browser context on the test server. Timeouts are generous: the test run shares two cores
    /// with the other test projects, and a first sign-in (password hashing, EF Core model) can be slow.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL ??= BaseAddress.ToString();
        var context = await Browser.NewContextAsync(options);
        SecondFactors.AddOrUpdate(context, SecondFactor);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
