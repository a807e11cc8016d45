using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Jobs;

public sealed record EmployerInput(string? CreditCode, string? Name, string? Industry, EmployerSize? Size, int? RegionId, string? ContactName, string? ContactPhone);

public sealed record PostingInput(
    string? Title,
    string? Description,
    string? OccupationCode,
    int? RegionId,
    int? PayMin,
    int? PayMax,
    int? Headcount,
    PostingType? Type,
    EducationLevel? Education,
    string? Skills,
    string? ContactName,
    string? ContactPhone,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

public sealed record EmployerView(Employer Employer, string RegionName, int Postings);

public sealed record PostingView(Posting Posting, string EmployerName, EmployerStatus EmployerStatus, string RegionName);
