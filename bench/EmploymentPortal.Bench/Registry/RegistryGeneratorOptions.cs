namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// What to generate. The same options (seed, counts, <see cref="Today"/>, region set) give the
/// same rows, except the ID-number cipher bytes: the app's protector draws a random nonce per
/// value, so they differ between runs while decrypting to the same numbers.
/// </summary>
public sealed record RegistryGeneratorOptions
{
    public int Persons { get; init; } = 1_000_000;

    public int Households { get; init; } = 350_000;

    public ulong Seed { get; init; } = 20261123;

    /// <summary>The reference date for ages and registration dates.</summary>
    public DateOnly Today { get; init; } = BenchClock.Clock.Today;

    /// <summary>Only communities (and streets) whose code starts with this; empty for all of them.</summary>
    public string RegionPrefix { get; init; } = string.Empty;

    /// <summary>Persons per COPY round (households are written with their members).</summary>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>Share of all persons with an open unemployment registration (status Unemployed).</summary>
    public double OpenRegistrationShare { get; init; } = 0.08;

    /// <summary>Share of working persons with a past, ended registration.</summary>
    public double ClosedRegistrationShare { get; init; } = 0.05;

    /// <summary>Share of persons and households registered at a street rather than a community.</summary>
    public double StreetLevelShare { get; init; } = 0.01;

    public void Validate()
    {
        if (Persons <= 0 || Households < 0 || Households > Persons)
        {
            throw new ArgumentException("Need persons > 0 and 0 ≤ households ≤ persons (every household has a member).");
        }

        if (BatchSize < 100)
        {
            throw new ArgumentException("The batch size is at least 100.");
        }

        if (OpenRegistrationShare is < 0 or > 0.5 || ClosedRegistrationShare is < 0 or > 1 || StreetLevelShare is < 0 or > 1)
        {
            throw new ArgumentException("A share is out of range.");
        }
    }
}

/// <summary>What a generation run wrote and how long it took.</summary>
public sealed record GenerationResult(
    int Persons,
    int Households,
    int PersonsInHouseholds,
    int OpenRegistrations,
    int ClosedRegistrations,
    int FollowUps,
    TimeSpan LoadTime,
    TimeSpan AnalyzeTime)
{
    public int TotalRows => Persons + Households + OpenRegistrations + ClosedRegistrations + FollowUps;
}
