using EmploymentPortal.Core.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// One seeded database and one in-process portal per test class (use as a class fixture).
/// Subclass it to change settings for a class.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class PortalFixture : IAsyncLifetime
{
    private PortalAppFactory? _factory;

    public PortalAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public string ConnectionString => Factory.ConnectionString;

    /// <summary>The portal's time source (starts at <see cref="StartsAt"/>; moves only when advanced).</summary>
    public FakeTimeProvider Clock => Factory.Clock;

    /// <summary>The portal's business date now.</summary>
    public DateOnly Today => Factory.Today;

    /// <summary>The instant the portal's clock starts at.</summary>
    protected virtual DateTimeOffset StartsAt => TestClock.Start;

    /// <summary>Extra configuration for the portal under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Service replacements for the portal under test (e.g. a clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabases.CreateSeededAsync();
        _factory = new PortalAppFactory(connectionString, Settings, ConfigureServices, StartsAt);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>A client with a cookie jar that does not follow redirects (tests look at them).</summary>
    public PortalClient Anonymous() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
        {
            SecondFactor = new DemoSecondFactor(Factory.Clock, Factory.ConnectionString),
        };

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<PortalClient> SignInAsync(string userName, string password = DemoCity.Password)
    {
        var client = Anonymous();
        var response = await client.SignInAsync(userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}.");
        }

        return client;
    }
}
