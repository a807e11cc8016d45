using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class SeekerLinkConfiguration : IEntityTypeConfiguration<SeekerLink>
{
    public void Configure(EntityTypeBuilder<SeekerLink> builder)
    {
        builder.ToTable("seeker_links");
        builder.Property(l => l.Name).HasMaxLength(50);
        builder.Property(l => l.IdNumberMasked).HasMaxLength(18);
        builder.Property(l => l.Phone).HasMaxLength(11);
        builder.Property(l => l.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(l => l.WishedOccupationCode).HasMaxLength(10).UseCollation("C");
        builder.Property(l => l.Status).HasConversion<short>();
        builder.Property(l => l.DecidedByName).HasMaxLength(256);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.RegionId).OnDelete(DeleteBehavior.Restrict);

        // One open or confirmed link per account; a rejected one may be asked again.
        builder.HasIndex(l => l.AccountId).IsUnique().HasFilter("status <> 3").HasDatabaseName("ix_seeker_links_account_live");
        builder.HasIndex(l => new { l.RegionCode, l.Status });
    }
}

public sealed class SavedPostingConfiguration : IEntityTypeConfiguration<SavedPosting>
{
    public void Configure(EntityTypeBuilder<SavedPosting> builder)
    {
        builder.ToTable("saved_postings");
        builder.HasKey(s => new { s.AccountId, s.PostingId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Posting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.ToTable("job_applications");
        builder.Property(a => a.Name).HasMaxLength(50);
        builder.Property(a => a.Phone).HasMaxLength(20);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Posting>().WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.SetNull);

        // One application per seeker and posting, also under a double click.
        builder.HasIndex(a => new { a.PostingId, a.AccountId }).IsUnique();
        builder.HasIndex(a => a.AccountId);
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(r => r.Outcome).HasConversion<short>();
        builder.Property(r => r.ByName).HasMaxLength(256);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Posting>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => new { r.RegionCode, r.ReferredOn });
    }
}

public sealed class PostingPushConfiguration : IEntityTypeConfiguration<PostingPush>
{
    public void Configure(EntityTypeBuilder<PostingPush> builder)
    {
        builder.ToTable("posting_pushes");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(p => p.ByName).HasMaxLength(256);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Posting>().WithMany().HasForeignKey(p => p.PostingId).OnDelete(DeleteBehavior.Restrict);

        // "Who has had none this month" is an anti-join on (person, date).
        builder.HasIndex(p => new { p.PersonId, p.PushedOn });
    }
}

public sealed class JobFairConfiguration : IEntityTypeConfiguration<JobFair>
{
    public void Configure(EntityTypeBuilder<JobFair> builder)
    {
        builder.ToTable("job_fairs");
        builder.Property(f => f.Title).HasMaxLength(JobFair.TitleMaxLength);
        builder.Property(f => f.Venue).HasMaxLength(JobFair.VenueMaxLength);
        builder.Property(f => f.Description).HasMaxLength(Posting.DescriptionMaxLength);
        builder.Property(f => f.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property<List<Guid>>("_employerIds").HasColumnName("employer_ids");
        builder.Ignore(f => f.EmployerIds);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasIndex(f => f.Date);
    }
}
