using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("employers");
        builder.Property(e => e.CreditCode).HasMaxLength(CreditCode.Length).UseCollation("C");
        builder.Property(e => e.Name).HasMaxLength(Employer.NameMaxLength);
        builder.Property(e => e.Industry).HasMaxLength(Employer.TextMaxLength);
        builder.Property(e => e.Size).HasConversion<short>();
        builder.Property(e => e.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(e => e.ContactName).HasMaxLength(Employer.TextMaxLength);
        builder.Property(e => e.ContactPhone).HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<short>();
        builder.Property(e => e.StatusNote).HasMaxLength(500);
        builder.Property(e => e.VerifiedByName).HasMaxLength(256);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);

        // One employer per credit code, also under two sign-ups at once.
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.HasIndex(e => e.AccountId);
        builder.HasIndex(e => new { e.RegionCode, e.Status });
    }
}

public sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> builder)
    {
        builder.ToTable("postings");
        builder.Property(p => p.Title).HasMaxLength(Posting.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Posting.DescriptionMaxLength);
        builder.Property(p => p.OccupationCode).HasMaxLength(10).UseCollation("C");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(p => p.Type).HasConversion<short>();
        builder.Property(p => p.Education).HasConversion<short?>();
        builder.Property(p => p.Skills).HasMaxLength(500);
        builder.Property(p => p.ContactName).HasMaxLength(Employer.TextMaxLength);
        builder.Property(p => p.ContactPhone).HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<short>();
        builder.Property(p => p.ReviewNote).HasMaxLength(500);
        builder.Property(p => p.ReviewedByName).HasMaxLength(256);
        builder.Property(p => p.CreatedByName).HasMaxLength(256);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Employer>().WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(p => new { p.EmployerId, p.Status });
        builder.HasIndex(p => new { p.RegionCode, p.Status });

        // Public search (docs/policy-rules.md, "Jobs: public search"): the app-side tokens, from
        // which the database keeps the public listing (job_listings, see JobListingSql).
        builder.Property(p => p.SearchText).HasColumnType("text");

        // The daily expiry finds published postings past their end date.
        builder.HasIndex(p => p.ValidTo).HasFilter("status = 3").HasDatabaseName("ix_postings_published_valid_to");
    }
}
