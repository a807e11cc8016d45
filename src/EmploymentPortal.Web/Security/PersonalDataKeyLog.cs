using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Security;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// Says at start-up which personal-data key the portal protects ID numbers with: its id and
/// fingerprint (the first 8 bytes of its SHA-256, never the key), so operators can tell two
/// instances or a restored backup use the same key; and warns when it is the public development key.
/// </summary>
public sealed class PersonalDataKeyLog(PersonalDataKeyRing keys, ILogger<PersonalDataKeyLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Personal-data key {KeyId}, fingerprint {Fingerprint}; {Count} key(s) configured, version-1 values read with {LegacyKeyId}",
            keys.CurrentId, PersonalDataKeyRing.Fingerprint(keys.Current), keys.Ids.Count, keys.LegacyId);
        if (keys.IsDevelopmentKey)
        {
            logger.LogWarning("Personal-data key: the development key from the public source is in use; never for real data (set {Setting})", PersonalDataKeyRing.SingleKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The <c>reencrypt-personal-data</c> command.</summary>
    public static async Task ReencryptAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var summary = await scope.ServiceProvider.GetRequiredService<PersonalDataReencryption>().RunAsync(PersonalDataReencryption.DefaultBatchSize, cancellationToken);
        app.Logger.LogInformation(
            "Personal data re-encrypted: {Examined} persons examined, {Changed} re-encrypted, {Links} link requests re-indexed, {Seconds:F1} s",
            summary.Examined, summary.Changed, summary.Links, summary.Elapsed.TotalSeconds);
    }
}
