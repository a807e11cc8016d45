namespace EmploymentPortal.TestCommon;

/// <summary>
/// Waits for a condition that another thread makes true (a log line written after the response,
/// say) instead of sleeping a fixed time.
/// </summary>
public static class Eventually
{
    /// <summary>Polls every 10 ms, at most <paramref name="attempts"/> times; fails naming <paramref name="what"/> if it never holds.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, int attempts = 500)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < attempts; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Still not true after {attempts} checks: {what}");
    }
}
