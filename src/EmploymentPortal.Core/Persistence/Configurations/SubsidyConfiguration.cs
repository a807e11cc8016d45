using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Core.Persistence.Configurations;

public sealed class SubsidyApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> builder)
    {
        builder.ToTable("subsidy_applications");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SchemeCode).HasMaxLength(60);
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(a => a.ApplicantKind).HasConversion<short>();
        builder.Property(a => a.ApplicantName).HasMaxLength(SubsidyApplication.ApplicantNameMaxLength);
        builder.Property(a => a.Decision).HasConversion<short>();
        builder.Property(a => a.Status).HasConversion<short>();
        builder.Property(a => a.Amount).HasPrecision(12, 2);
        builder.Property(a => a.OverrideReason).HasMaxLength(SubsidyApplication.TextMaxLength);
        builder.Property(a => a.SubmittedByName).HasMaxLength(256);
        builder.Property(a => a.PendingPaymentAmount).HasPrecision(12, 2);
        builder.Property(a => a.PendingPaymentReference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(a => a.PendingPaymentByName).HasMaxLength(256);
        builder.Property(a => a.Facts).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
        builder.Property(a => a.JudgedAt).HasConversion<short>();
        builder.Property(a => a.Check).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<StoredCriterion>>(), JsonColumn.Comparer<List<StoredCriterion>>());
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Scheme);
        builder.Ignore(a => a.Steps);
        builder.Ignore(a => a.CurrentStep);
        builder.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Actions).HasField("_actions");
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notice>().WithMany().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Restrict);

        // The queue: by region and status, oldest action first.
        builder.HasIndex(a => new { a.RegionCode, a.Status, a.LastActionAt });
        builder.HasIndex(a => new { a.PersonId, a.SchemeCode });
        builder.HasIndex(a => a.NoticeId);
    }
}

public sealed class ApplicationActionConfiguration : IEntityTypeConfiguration<ApplicationAction>
{
    public void Configure(EntityTypeBuilder<ApplicationAction> builder)
    {
        builder.ToTable("subsidy_application_actions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.StepCode).HasMaxLength(40);
        builder.Property(a => a.Action).HasConversion<short>();
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(SubsidyApplication.TextMaxLength);
        builder.Property(a => a.Reference).HasMaxLength(SubsidyApplication.ReferenceMaxLength);
        builder.HasIndex(a => new { a.ApplicationId, a.At });
    }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Note).HasMaxLength(CalendarDay.NoteMaxLength);
    }
}

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.Property(n => n.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength);
        builder.Property(n => n.PublishedByName).HasMaxLength(256);
        builder.Property(n => n.Version).IsRowVersion();
        builder.HasIndex(n => new { n.EndsOn, n.Closed });
        builder.HasIndex(n => n.StartsOn);
    }
}

/// <summary>
/// The public read model of notices: one row per application on a notice, written with the notice.
/// Public by design, so no region scope filter (docs/scoping.md); it holds only masked values.
/// </summary>
public sealed class NoticeEntryConfiguration : IEntityTypeConfiguration<NoticeEntry>
{
    public void Configure(EntityTypeBuilder<NoticeEntry> builder)
    {
        builder.ToTable("notice_entries");
        builder.HasKey(e => e.ApplicationId);
        builder.Property(e => e.ApplicationId).ValueGeneratedNever();
        builder.Property(e => e.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(e => e.MaskedName).HasMaxLength(Person.NameMaxLength);
        builder.Property(e => e.MaskedIdNumber).HasMaxLength(ResidentIdNumber.Length);
        builder.Property(e => e.SchemeCode).HasMaxLength(60);
        builder.Property(e => e.ApplicantName).HasMaxLength(SubsidyApplication.ApplicantNameMaxLength);
        builder.Property(e => e.Amount).HasPrecision(12, 2);
        builder.Property(e => e.RegionName).HasMaxLength(Region.NameMaxLength);
        builder.HasOne<Notice>().WithMany().HasForeignKey(e => e.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubsidyApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.NoticeId);
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.ToTable("objections");
        builder.Property(o => o.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(o => o.Text).HasMaxLength(Objection.TextMaxLength);
        builder.Property(o => o.Contact).HasMaxLength(100);
        builder.Property(o => o.Status).HasConversion<short>();
        builder.Property(o => o.Resolution).HasMaxLength(Objection.TextMaxLength);
        builder.Property(o => o.ResolvedByName).HasMaxLength(256);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasOne<Notice>().WithMany().HasForeignKey(o => o.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubsidyApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.RegionCode, o.Status });
        builder.HasIndex(o => o.ApplicationId);
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).UseCollation("C");
        builder.Property(p => p.SchemeCode).HasMaxLength(60);
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(256);
        builder.Property(p => p.ConfirmedByName).HasMaxLength(256);
        builder.HasOne<SubsidyApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // Paid once, never twice: also under two officials recording at the same moment.
        builder.HasIndex(p => p.ApplicationId).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.SchemeCode });
    }
}
