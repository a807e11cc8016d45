namespace EmploymentPortal.Domain.Persons;

public enum EmploymentStatus
{
    Unemployed = 1,
    Employed = 2,
    FlexibleEmployment = 3,
    SelfEmployed = 4,
    Student = 5,
    Retired = 6,
    OutsideLabourForce = 7,
}

public static class EmploymentStatuses
{
    /// <summary>Statuses that count as having work (they eliminate a zero-employment household).</summary>
    public static bool IsWorking(this EmploymentStatus status) =>
        status is EmploymentStatus.Employed or EmploymentStatus.FlexibleEmployment or EmploymentStatus.SelfEmployed;
}

public enum LaborCapacity
{
    Full = 1,
    Partial = 2,
    None = 3,
}

/// <summary>Household registration (户籍) type.</summary>
public enum HukouType
{
    Urban = 1,
    Rural = 2,
}

public enum EducationLevel
{
    PrimaryOrBelow = 1,
    JuniorHigh = 2,
    SeniorHigh = 3,
    Vocational = 4,
    College = 5,
    Bachelor = 6,
    Postgraduate = 7,
}

public enum WorkType
{
    FullTime = 1,
    PartTime = 2,
    Flexible = 3,
}

/// <summary>The priority groups the sources name (policy-rules.md, "Persons and registration"); several may apply.</summary>
[Flags]
public enum PriorityGroups
{
    None = 0,
    SoeLaidOff = 1 << 0,
    SoeUnemployed = 1 << 1,
    SoeClosurePlaced = 1 << 2,
    MinimumLivingAllowance = 1 << 3,
    CollegeGraduate = 1 << 4,
    RuralSurplusLabour = 1 << 5,
    ReturningMigrant = 1 << 6,
    ReservoirMigrant = 1 << 7,
    PoorLabourer = 1 << 8,
    SpecialHardship = 1 << 9,
}

public enum UnemploymentEndReason
{
    Employed = 1,
    SelfEmployed = 2,
    MovedAway = 3,
    Retired = 4,
    Other = 5,
}
