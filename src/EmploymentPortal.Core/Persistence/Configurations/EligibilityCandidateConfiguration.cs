using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class EligibilityCandidateConfiguration : IEntityTypeConfiguration<EligibilityCandidate>
{
    public void Configure(EntityTypeBuilder<EligibilityCandidate> builder)
    {
        builder.ToTable("eligibility_candidates");
        builder.HasKey(c => new { c.SchemeCode, c.PersonId });
        builder.Property(c => c.SchemeCode).HasMaxLength(EligibilityCandidate.SchemeCodeMaxLength);

        // Collation "C" so "in my area" (a region-code prefix LIKE) can use the indexes.
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(c => c.Decision).HasConversion<short>();
        builder.Property(c => c.MissingFacts).HasMaxLength(EligibilityCandidate.MissingFactsMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);

        // The panel's counts per scheme in an area (index-only), and a scheme's list in an area in page order.
        builder.HasIndex(c => new { c.RegionCode, c.SchemeCode });
        builder.HasIndex(c => new { c.SchemeCode, c.RegionCode, c.PersonId });
    }
}

public sealed class EligibilityRunConfiguration : IEntityTypeConfiguration<EligibilityRun>
{
    public void Configure(EntityTypeBuilder<EligibilityRun> builder)
    {
        builder.ToTable("eligibility_runs");
        builder.HasKey(r => r.RegionPrefix);
        builder.Property(r => r.RegionPrefix).HasMaxLength(RegionCode.Length).UseCollation("C");
    }
}
