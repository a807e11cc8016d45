namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Tests that measure the process (memory bounds of the import, equal sign-in times) run alone,
/// after the parallel ones, so other test classes do not add their load to the measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
