using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmploymentPortal.Core;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web.Audit;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Health;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Logging;
using EmploymentPortal.Web.Observability;
using EmploymentPortal.Web.Scheduling;
using EmploymentPortal.Web.Security;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace EmploymentPortal.Web;

/// <summary>Composition of the web host: services and the request pipeline.</summary>
public static class WebServices
{
    public const string LoginPath = "/Identity/Account/Login";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        var secureCookies = portal.Security.SecureCookies ?? !builder.Environment.IsDevelopment();

        builder.AddPortalLogging();
        builder.AddPortalMetrics();
        services.AddHttpContextAccessor();
        services.AddScoped<IDataScopeProvider, HttpDataScopeProvider>();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddInfrastructureServices(builder.Configuration, builder.Environment.EnvironmentName);
        services.AddPortalScheduler(builder.Configuration, portal.Scheduler, portal.Tasks.PollInterval);
        services.AddHostedService<Jobs.ImportWarmUp>();
        services.AddSingleton<EmploymentPortal.Core.Persons.ILabelCatalog, Localization.LabelCatalog>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = portal.Security.StampValidationInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/Identity/Account/Logout";
            o.Cookie.Name = secureCookies ? "__Host-ep.auth" : "ep.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = portal.Security.IdleTimeout;
            o.SlidingExpiration = true;

            // A signed-in user without the role gets a real 403 (shown by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddPortalSessions(portal.Security);
        services.AddHostedService<PersonalDataKeyLog>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-ep.af" : "ep.af";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddPortalSignIn();
        services.AddAuthorization(CapabilityPolicies.Add);
        services.AddScoped<CapabilityCheck>();
        services.AddSingleton<IAuthorizationHandler, RegionScopeAuthorizationHandler>();

        services.AddSingleton<JsonTexts>();
        services.AddSingleton<ReasonTexts>();
        services.AddSingleton<AuditTexts>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = JsonTexts.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(JsonTexts.DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // zh-CN unless the user chose otherwise (?culture= or the cookie the switcher sets).
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages()
            .AddMvcOptions(o => o.Filters.Add<Forms.FormRulesFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddTextInputBinding();

        // Chinese text is written as characters, not as &#x...; entities (which are correct but
        // triple the page size and defeat in-page search).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddStandbyReadsWeb(secureCookies);
        services.AddPortalRateLimits(builder.Configuration);
        services.AddPortalSignUp(builder.Configuration, builder.Environment);
        Areas.Station.Pages.Persons.ImportLimits.AddImportLimits(services);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UsePortalMetrics();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseDeniedAccessAudit();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAccountGates();
        app.UseRequestTimeouts();
        app.UseRecentWrites();

        app.MapHealthChecks(PublicPages.Endpoints[0], new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(PublicPages.Endpoints[1], new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = StandbyReads.WriteReadyAsync }).AllowAnonymous();
        app.MapRazorPages();
        app.MapSessionKeepAlive();
        Api.JobsApi.Map(app);
        Api.BenchRawJobs.MapIfEnabled(app, app.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        return app;
    }

    /// <summary>Model-binding messages ("the value is not valid") in the user's language.</summary>
    private sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var t = factory.Create(typeof(Texts));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => t["Validation.Number"]);
            messages.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        }
    }
}
