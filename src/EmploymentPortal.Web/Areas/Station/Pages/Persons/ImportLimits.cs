using Microsoft.AspNetCore.Http.Timeouts;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>The time limit of the ledger import's requests: the upload and its first checks (the rows are imported in the background, docs/adr/0007); a request still running after this is cancelled and answered 504.</summary>
public static class ImportLimits
{
    public const string TimeoutPolicy = "ledger-import";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static IServiceCollection AddImportLimits(this IServiceCollection services) =>
        services.AddRequestTimeouts(o => o.AddPolicy(TimeoutPolicy, new RequestTimeoutPolicy { Timeout = Timeout, TimeoutStatusCode = StatusCodes.Status504GatewayTimeout }));
}
