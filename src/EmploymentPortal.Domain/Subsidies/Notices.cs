namespace EmploymentPortal.Domain.Subsidies;

/// <summary>
/// A day that differs from the Monday–Friday rule: a public holiday on a weekday, or a swapped
/// working day 调休 on a weekend. Officials keep these from the State Council's yearly notice.
/// </summary>
public sealed class CalendarDay
{
    public const int NoteMaxLength = 100;

    private CalendarDay()
    {
        Note = string.Empty;
    }

    public DateOnly Date { get; private set; }

    public bool IsWorkingDay { get; private set; }

    public string Note { get; private set; }

    public static CalendarDay Create(DateOnly date, bool isWorkingDay, string note)
    {
        note = note.Trim();
        if (note.Length is 0 or > NoteMaxLength)
        {
            throw new SubsidyException("Calendar.NoteRequired", "Note");
        }

        return new CalendarDay { Date = date, IsWorkingDay = isWorkingDay, Note = note };
    }
}

/// <summary>Working-day arithmetic over the kept calendar: weekdays work, weekends rest, unless a <see cref="CalendarDay"/> says otherwise.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date, IReadOnlyDictionary<DateOnly, bool> exceptions)
    {
        ArgumentNullException.ThrowIfNull(exceptions);
        return exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The notice period of <paramref name="days"/> working days published on <paramref name="published"/>:
    /// it starts on the first working day on or after publication and ends on its last working day.
    /// </summary>
    public static (DateOnly Starts, DateOnly Ends) Period(DateOnly published, int days, IReadOnlyDictionary<DateOnly, bool> exceptions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var day = published;
        while (!IsWorkingDay(day, exceptions))
        {
            day = day.AddDays(1);
        }

        var starts = day;
        for (var counted = 1; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, exceptions))
            {
                counted++;
            }
        }

        return (starts, day);
    }
}

/// <summary>A published list of approved applications, public for a number of working days before payment.</summary>
public sealed class Notice
{
    public const int TitleMaxLength = 100;

    private Notice()
    {
        RegionCode = string.Empty;
        Title = string.Empty;
        PublishedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The publishing bureau's region (a county): officials of it see and manage the notice.</summary>
    public string RegionCode { get; private set; }

    public string Title { get; private set; }

    public int WorkingDays { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedByName { get; private set; }

    /// <summary>Set once the ended notice has made its applications payable or withheld.</summary>
    public bool Closed { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpenOn(DateOnly day) => day >= StartsOn && day <= EndsOn;

    public static Notice Publish(string regionCode, string title, int workingDays, DateOnly today, IReadOnlyDictionary<DateOnly, bool> calendar, string byName, DateTimeOffset at)
    {
        title = title.Trim();
        if (title.Length is 0 or > TitleMaxLength)
        {
            throw new SubsidyException("Notice.TitleRequired", "Title");
        }

        var (starts, ends) = Subsidies.WorkingDays.Period(today, workingDays, calendar);
        return new Notice
        {
            Id = Guid.CreateVersion7(),
            RegionCode = regionCode,
            Title = title,
            WorkingDays = workingDays,
            StartsOn = starts,
            EndsOn = ends,
            PublishedAt = at,
            PublishedByName = byName,
        };
    }

    public void Close(DateOnly today)
    {
        if (Closed || today <= EndsOn)
        {
            throw new SubsidyException("Notice.NotEnded");
        }

        Closed = true;
    }

    /// <summary>张*三: the first and last characters kept; a two-character name keeps its first.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(name.Trim());
        var elements = new List<string>();
        while (chars.MoveNext())
        {
            elements.Add(chars.GetTextElement());
        }

        return elements.Count switch
        {
            0 => string.Empty,
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }
}

/// <summary>
/// One application as a notice shows it to the public (the notice's public read model, table
/// <c>notice_entries</c>): written with the notice, holding only what anyone may see — the masked
/// name and ID number, the scheme, the applicant as shown (masked when it is the person), the
/// amount and the region's name, as they were at publication. A later correction of the person
/// does not change what was published. <see cref="RegionCode"/> is the application's region: the
/// area whose officials resolve an objection to the entry (a public code, the one the region name
/// stands for). Public by design: it has no region scope filter (docs/scoping.md).
/// </summary>
public sealed class NoticeEntry
{
    private NoticeEntry()
    {
        RegionCode = string.Empty;
        MaskedName = string.Empty;
        MaskedIdNumber = string.Empty;
        SchemeCode = string.Empty;
        ApplicantName = string.Empty;
        RegionName = string.Empty;
    }

    /// <summary>The application (on one notice at most).</summary>
    public Guid ApplicationId { get; private set; }

    public Guid NoticeId { get; private set; }

    /// <summary>The application's region code (its community): objections to the entry are scoped with it.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The person's name, masked by <see cref="Notice.MaskName"/>.</summary>
    public string MaskedName { get; private set; }

    /// <summary>The person's ID number as the register masks it (first six and last four).</summary>
    public string MaskedIdNumber { get; private set; }

    public string SchemeCode { get; private set; }

    /// <summary>The applicant as shown publicly: masked when it is the person, else the employer's or investor's name.</summary>
    public string ApplicantName { get; private set; }

    public decimal? Amount { get; private set; }

    /// <summary>The name of the person's region (community) at publication.</summary>
    public string RegionName { get; private set; }

    /// <summary>
    /// The public entry of an application put on a notice (<see cref="SubsidyApplication.PublishOn"/>):
    /// masks the person's name, and the applicant's when it is the person; takes the ID number already masked.
    /// </summary>
    public static NoticeEntry Of(SubsidyApplication application, string personName, string maskedIdNumber, string regionName)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(maskedIdNumber);
        ArgumentNullException.ThrowIfNull(regionName);
        if (application.NoticeId is not { } noticeId)
        {
            throw new InvalidOperationException("The application is not on a notice.");
        }

        return new NoticeEntry
        {
            ApplicationId = application.Id,
            NoticeId = noticeId,
            RegionCode = application.RegionCode,
            MaskedName = Notice.MaskName(personName),
            MaskedIdNumber = maskedIdNumber,
            SchemeCode = application.SchemeCode,
            ApplicantName = application.ApplicantKind == Beneficiary.Person ? Notice.MaskName(application.ApplicantName) : application.ApplicantName,
            Amount = application.Amount,
            RegionName = regionName,
        };
    }
}

public enum ObjectionStatus
{
    Open = 1,
    Upheld = 2,
    Dismissed = 3,
}

/// <summary>An objection anyone lodges against an application on a notice while it runs; an official resolves it.</summary>
public sealed class Objection
{
    public const int TextMaxLength = 1000;

    private Objection()
    {
        RegionCode = string.Empty;
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid NoticeId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The application's region: officials of the area resolve it.</summary>
    public string RegionCode { get; private set; }

    public string Text { get; private set; }

    /// <summary>Optional contact for the call-back (name or phone as the objector chose to give).</summary>
    public string? Contact { get; private set; }

    public DateTimeOffset LodgedAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public string? Resolution { get; private set; }

    public string? ResolvedByName { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public uint Version { get; private set; }

    public static Objection Lodge(Notice notice, SubsidyApplication application, string text, string? contact, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Lodge(notice, application.Id, application.NoticeId, application.RegionCode, text, contact, today, at);
    }

    /// <summary>An objection from the public, to an entry of a notice as the public sees it (<see cref="NoticeEntry"/>).</summary>
    public static Objection Lodge(Notice notice, NoticeEntry entry, string text, string? contact, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Lodge(notice, entry.ApplicationId, entry.NoticeId, entry.RegionCode, text, contact, today, at);
    }

    private static Objection Lodge(Notice notice, Guid applicationId, Guid? onNoticeId, string regionCode, string text, string? contact, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (onNoticeId != notice.Id || !notice.IsOpenOn(today))
        {
            throw new SubsidyException("Objection.NoticeNotOpen");
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            throw new SubsidyException("Objection.TextRequired", "Text");
        }

        contact = contact?.Trim();
        if (text.Length > TextMaxLength || contact?.Length > 100)
        {
            throw new SubsidyException("Validation.TooLong", "Text");
        }

        return new Objection
        {
            Id = Guid.CreateVersion7(),
            NoticeId = notice.Id,
            ApplicationId = applicationId,
            RegionCode = regionCode,
            Text = text,
            Contact = string.IsNullOrEmpty(contact) ? null : contact,
            LodgedAt = at,
            Status = ObjectionStatus.Open,
        };
    }

    public void Resolve(bool upheld, string resolution, string byName, DateTimeOffset at)
    {
        if (Status != ObjectionStatus.Open)
        {
            throw new SubsidyException("Objection.AlreadyResolved");
        }

        resolution = resolution.Trim();
        if (resolution.Length == 0)
        {
            throw new SubsidyException("Objection.ResolutionRequired", "Resolution");
        }

        if (resolution.Length > TextMaxLength)
        {
            throw new SubsidyException("Validation.TooLong", "Resolution");
        }

        Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Resolution = resolution;
        ResolvedByName = byName;
        ResolvedAt = at;
    }
}

/// <summary>A payment of an application after its notice: recorded once (unique per application).</summary>
public sealed class Payment
{
    public const int ReferenceMaxLength = 64;

    private Payment()
    {
        RegionCode = string.Empty;
        SchemeCode = string.Empty;
        Reference = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string RegionCode { get; private set; }

    public string SchemeCode { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public string Reference { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The official who typed a pending amount, when another confirmed it (null: the rule computed the amount).</summary>
    public Guid? RecordedById { get; private set; }

    /// <summary>The second official who confirmed a typed amount (null: the rule computed it).</summary>
    public string? ConfirmedByName { get; private set; }

    /// <summary>The largest amount a payment records (a subsidy is far below it; the column's limit is 10 digits before the point).</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>
    /// Pays a payable application. The amount is the rule's when it computed one (staff cannot
    /// type another): the payment is recorded at once. Schemes whose amount depends on premiums
    /// actually paid take the typed one, which only waits for a second official's confirmation
    /// (<see cref="Confirm"/>): the result is then null. The approver of the last step may not pay
    /// (separation of duties); system actors (no id) are not checked.
    /// </summary>
    public static Payment? Record(SubsidyApplication application, decimal? enteredAmount, DateOnly paidOn, string reference, DateOnly today, string byName, DateTimeOffset at, Guid? byId = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        reference = reference.Trim();
        if (reference.Length is 0 or > ReferenceMaxLength)
        {
            throw new SubsidyException("Payment.ReferenceRequired", "Reference");
        }

        if (paidOn > today)
        {
            throw new SubsidyException("Payment.FutureDate", "PaidOn");
        }

        RequireNotApprover(application, byId);
        if (application.Amount is { } computed && enteredAmount is { } typed && typed != computed)
        {
            throw new SubsidyException("Payment.AmountIsComputed", "Amount");
        }

        var amount = application.Amount ?? enteredAmount ?? throw new SubsidyException("Payment.AmountRequired", "Amount");
        if (amount <= 0)
        {
            throw new SubsidyException("Payment.AmountRequired", "Amount");
        }

        if (amount > MaxAmount)
        {
            // The column holds 12 digits (10 before the point): a larger amount is a typing error, never a 500.
            throw new SubsidyException("Payment.AmountTooLarge", "Amount");
        }

        if (application.Amount is null)
        {
            application.HoldPendingPayment(amount, paidOn, reference, byId, byName);
            return null;
        }

        return Paid(application, amount, paidOn, reference, byName, at, null, null);
    }

    /// <summary>
    /// A second official confirms a typed amount: not the one who typed it, nor the approver of
    /// the last step. The payment is then recorded under both names.
    /// </summary>
    public static Payment Confirm(SubsidyApplication application, string byName, DateTimeOffset at, Guid? byId)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.PendingPaymentAmount is not { } amount || application.PendingPaymentPaidOn is not { } paidOn)
        {
            throw new SubsidyException("Payment.NothingToConfirm");
        }

        if (byId is null || byId == application.PendingPaymentById)
        {
            throw new SubsidyException("Payment.SecondPersonRequired");
        }

        RequireNotApprover(application, byId);
        var payment = Paid(application, amount, paidOn, application.PendingPaymentReference ?? string.Empty, application.PendingPaymentByName ?? string.Empty, at, application.PendingPaymentById, byName);
        return payment;
    }

    /// <summary>A typed amount that is wrong is sent back (by anyone who may pay), to be typed again.</summary>
    public static void Discard(SubsidyApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.PendingPaymentAmount is null)
        {
            throw new SubsidyException("Payment.NothingToConfirm");
        }

        application.ClearPendingPayment();
    }

    private static void RequireNotApprover(SubsidyApplication application, Guid? byId)
    {
        if (byId is not null && byId == application.LastStepApproverId)
        {
            throw new SubsidyException("Payment.ApproverMayNotPay");
        }
    }

    private static Payment Paid(SubsidyApplication application, decimal amount, DateOnly paidOn, string reference, string byName, DateTimeOffset at, Guid? recordedById, string? confirmedByName)
    {
        application.MarkPaid();
        return new Payment
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.Id,
            RegionCode = application.RegionCode,
            SchemeCode = application.SchemeCode,
            Amount = amount,
            PaidOn = paidOn,
            Reference = reference,
            RecordedByName = byName,
            RecordedById = recordedById,
            ConfirmedByName = confirmedByName,
            RecordedAt = at,
        };
    }
}
