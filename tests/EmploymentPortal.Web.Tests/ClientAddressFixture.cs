using System.Net;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// A portal whose requests can come from different client addresses: a test sets the
/// <c>X-Test-Client</c> header and the in-process server takes it as the remote IP (tests only).
/// </summary>
public class ClientAddressFixture : PortalFixture
{
    public const string Header = "X-Test-Client";

    /// <summary>A client (with the harness's second step) whose requests come from <paramref name="address"/>.</summary>
    public PortalClient From(string address)
    {
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddTransient<IStartupFilter, ClientAddressFromHeader>();

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
