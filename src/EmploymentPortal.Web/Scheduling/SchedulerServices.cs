using Npgsql;
using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>Quartz.NET on a clustered ADO.NET store in the portal's database (docs/adr/0009-quartz-scheduling.md).</summary>
public static class SchedulerServices
{
    /// <summary>Every instance of one portal shares this scheduler name, which is what makes them one cluster.</summary>
    public const string SchedulerName = "EmploymentPortal";

    /// <summary>Quartz and the background tasks on it; <paramref name="taskPoll"/> is how often an instance looks for triggers another one stored (Quartz's idle wait).</summary>
    public static IServiceCollection AddPortalScheduler(this IServiceCollection services, IConfiguration configuration, SchedulerSettings settings, TimeSpan taskPoll)
    {
        // The app's own login (portal_app), like every other part of the portal: the qrtz_ tables are not region data.
        var connectionString = configuration.GetConnectionString(Core.Persistence.PortalDatabase.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is required for the scheduler.");
        services.AddSingleton<JobRunListener>();
        services.AddSingleton<Jobs.BackgroundTaskRunner>();
        services.AddSingleton<Core.BackgroundWork.IBackgroundTaskDispatcher, QuartzTaskDispatcher>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.InstanceId = settings.InstanceId.Length > 0 ? settings.InstanceId : $"{Environment.MachineName}-{Guid.NewGuid():N}";
                o.IdleWaitTime = taskPoll;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                store.ConfigureStore(s =>
                {
                    s.TablePrefix = "qrtz_";
                    // The schema is the migration QuartzJobStore's. Quartz's own check at start-up
                    // needs the database, and on failure shuts the scheduler down for the life of the
                    // process: a database unreachable at start must leave the portal up (readiness
                    // says so) and the scheduler retrying, as every other part of the portal does.
                    s.SchemaProvisioning = SchemaProvisioning.None;
                });
                store.UseSystemTextJsonSerializer();
                store.UseClustering();
            });
            q.AddJobListener(sp => sp.GetRequiredService<JobRunListener>());
        });
        services.AddScoped<ScheduledJobs>();
        if (settings.Run)
        {
            services.AddHostedService<PortalSchedule>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
