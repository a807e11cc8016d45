using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Web.Localization;

/// <summary>A value on an audit line: its text, and where it links to (a person, a household, a posting…).</summary>
public sealed record AuditValue(string Text, string? Href = null);

/// <summary>
/// One line of an audit event: "label: from → to" for a change, "label: value" when only one side
/// was recorded (<see cref="From"/> null), or a whole sentence when <see cref="Label"/> is null.
/// </summary>
public sealed record AuditLine(string? Label, AuditValue? From, AuditValue To);

/// <summary>An audit event as staff read it: who, when, what, and the fields it changed.</summary>
public sealed record AuditItem(string Actor, string When, string Action, IReadOnlyList<AuditLine> Lines);

/// <summary>
/// The audit trail of one record as the partial <c>_AuditTrail</c> shows it. <paramref name="Subject"/>
/// is the record the page is about (a line naming it is left out); <paramref name="Names"/> names
/// the persons the page already knows (id → name), so a link reads as a name; <paramref name="Regions"/>
/// names the regions it knows (code → name).
/// </summary>
public sealed record AuditTrail(
    IReadOnlyList<AuditEntry> Entries,
    Guid? Subject = null,
    IReadOnlyDictionary<Guid, string>? Names = null,
    IReadOnlyDictionary<string, string>? Regions = null);

/// <summary>
/// Turns an audit event (an action code and its before/after JSON snapshots) into lines in the
/// reader's language: the action from <c>AuditAction.{Action}</c>, each changed field labelled
/// from the record pages' texts, values as the record pages show them (enums by their texts, dates
/// yyyy-MM-dd, booleans 是/否, amounts in yuan, persons as links). Unchanged fields are left out;
/// an unknown action or field still reads as words, never as JSON. Values are shown as stored, so
/// masked identifiers stay masked.
/// </summary>
public sealed partial class AuditTexts(JsonTexts texts, ReasonTexts reasons, BusinessClock clock)
{
    /// <summary>Fields a snapshot carries for the machine, not the reader.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "outcome", "overridden", "by" };

    public IReadOnlyList<AuditItem> Describe(AuditTrail trail) => Describe(trail, CultureInfo.CurrentUICulture);

    public IReadOnlyList<AuditItem> Describe(AuditTrail trail, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return trail.Entries.Select(e => Describe(e, trail, culture)).ToList();
    }

    public AuditItem Describe(AuditEntry entry, AuditTrail trail, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(trail);
        var context = new Context(entry.Action, trail, culture);
        var action = texts.Find("AuditAction." + entry.Action, culture)
            ?? string.Format(CultureInfo.InvariantCulture, Text("Audit.OtherAction", culture), Humanize(entry.Action));
        var lines = Lines(Parse(entry.Before), Parse(entry.After), context)
            .OrderBy(l => l.Order)
            .Select(l => l.Line)
            .ToList();
        if (lines.Count == 0 && entry.Before is not null && entry.After is not null)
        {
            lines.Add(new AuditLine(null, null, new AuditValue(Text("Audit.NoFieldChanged", culture))));
        }

        var when = clock.InZone(entry.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new AuditItem(entry.Actor, when, action, lines);
    }

    private IEnumerable<(int Order, AuditLine Line)> Lines(Dictionary<string, JsonElement>? before, Dictionary<string, JsonElement>? after, Context c)
    {
        if (before is not null && after is not null)
        {
            // A change: what the "after" state says that differs from "before"; fields only "before"
            // holds are the state the action started from (a cancelled record's details), not news.
            foreach (var (field, value) in after)
            {
                if (before.TryGetValue(field, out var old))
                {
                    if (!JsonElement.DeepEquals(old, value) && Line(field, old, value, c) is { } changed)
                    {
                        yield return (Order(field), changed);
                    }
                }
                else if (Line(field, null, value, c) is { } set)
                {
                    yield return (Order(field), set);
                }
            }

            yield break;
        }

        foreach (var (field, value) in after ?? before ?? [])
        {
            if (Line(field, null, value, c) is { } line)
            {
                yield return (Order(field), line);
            }
        }
    }

    private AuditLine? Line(string field, JsonElement? from, JsonElement to, Context c)
    {
        if (Hidden.Contains(field) || (from is null && IsEmpty(field, to)))
        {
            // A value recorded without a change (a new record's blank fields) says nothing.
            return null;
        }

        if (IsSubject(to, c) && (from is null || IsSubject(from.Value, c)))
        {
            return null;
        }

        if (field == "facts" && to.ValueKind == JsonValueKind.Object && from is null)
        {
            // The facts entered on an application: one "label: value" each, in a single line.
            var facts = to.EnumerateObject()
                .Select(p => $"{texts.Find("Fact." + p.Name, c.Culture) ?? Humanize(p.Name)}{Text("Audit.Colon", c.Culture)}{Fact(p.Value, c.Culture)}")
                .ToList();
            return facts.Count == 0 ? null : new AuditLine(Text("Application.Facts", c.Culture), null, new AuditValue(string.Join(Text("Audit.FieldSeparator", c.Culture), facts)));
        }

        var label = Label(field, c);
        return new AuditLine(label, from is { } f ? Value(field, f, c) : null, Value(field, to, c));
    }

    private string Label(string field, Context c)
    {
        var key = (field, c.Area) switch
        {
            ("address", "Household") => "Audit.Field.HouseholdAddress",
            ("status", "Household") => "Household.Status",
            ("status", _) => "Application.Status",
            ("reason", "HouseholdMember") => "Audit.Field.Reason",
            ("reason", "Unemployment") => "Unemployment.EndReason",
            ("reason", "PersonCancelled" or "PersonMerged") => "Audit.Field.CancelReason",
            ("reason", "Transfer") => "Transfer.Reason",
            ("reason", "Application") => "Application.Reason",
            ("reason", "Certification") => "Certification.Reason",
            ("reference", "Payment") => "Payment.Reference",
            ("overrideReason", "Certification") => "Certification.OverrideReason",
            ("personId", "PersonMerged") => "Merge.Duplicate",
            _ => Labels.GetValueOrDefault(field),
        };
        return (key is null ? null : texts.Find(key, c.Culture))
            ?? texts.Find("Audit.Field." + char.ToUpperInvariant(field[0]) + field[1..], c.Culture)
            ?? Humanize(field);
    }

    private AuditValue Value(string field, JsonElement value, Context c)
    {
        if (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString() is ""))
        {
            return new AuditValue(Text("Audit.Empty", c.Culture));
        }

        var enumPrefix = (field, c.Area) switch
        {
            ("status", "Household") => "ZeroEmploymentStatus.",
            ("status", _) => "ApplicationStatus.",
            ("reason", "HouseholdMember") => "Audit.MemberReason.",
            ("reason", "Unemployment") => "UnemploymentEndReason.",
            ("outcome", "Referral") => "ReferralOutcome.",
            _ => Enums.GetValueOrDefault(field),
        };
        if (enumPrefix is not null && value.ValueKind == JsonValueKind.String)
        {
            var names = value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var words = names.Select(n => texts.Find(enumPrefix + Pascal(n), c.Culture) ?? Humanize(n)).ToList();
            return new AuditValue(names is ["None"] && field == "priorityGroups" ? Text("Audit.Empty", c.Culture) : string.Join(Text("Audit.Separator", c.Culture), words));
        }

        switch (field)
        {
            case "personId" or "mergedIntoId" when Guid.TryParse(value.GetString(), out var person):
                return new AuditValue(c.Trail.Names?.GetValueOrDefault(person) ?? Text("Audit.PersonRecord", c.Culture), $"/Station/Persons/{person}");
            case "postingId" when Guid.TryParse(value.GetString(), out var posting):
                return new AuditValue(Text("Audit.PostingLink", c.Culture), $"/Postings/{posting}");
            case "noticeId" when Guid.TryParse(value.GetString(), out var notice):
                return new AuditValue(Text("Audit.NoticeLink", c.Culture), $"/Notices/{notice}");
            case "applicationId" when Guid.TryParse(value.GetString(), out var application):
                return new AuditValue(Text("Audit.ApplicationLink", c.Culture), $"/Applications/{application}");
            case "regionCode" or "from" or "to" when value.ValueKind == JsonValueKind.String && c.Trail.Regions?.GetValueOrDefault(value.GetString()!) is { } region:
                return new AuditValue(region);
            case "amount" when value.ValueKind == JsonValueKind.Number:
                return new AuditValue(reasons.Yuan(value.GetDecimal(), c.Culture));
            case "durationMonths" when value.ValueKind == JsonValueKind.Number:
                return new AuditValue(reasons.Quantity(value.GetDecimal(), ParameterUnit.Months, c.Culture));
            case "step" when value.ValueKind == JsonValueKind.String:
                return new AuditValue(texts.Find("Step." + value.GetString(), c.Culture) ?? value.GetString()!);
            case "scheme" when SchemeCatalog.Find(value.GetString()) is { } scheme:
                return new AuditValue(scheme.Name(c.Culture.Name.StartsWith("zh", StringComparison.Ordinal)));
            case "steps" when value.ValueKind == JsonValueKind.Array:
                return new AuditValue(string.Join(Text("Audit.Separator", c.Culture), value.EnumerateArray().Select(s => StatusStep(s, c.Culture))));
            default:
                return new AuditValue(Plain(value, c.Culture));
        }
    }

    /// <summary>A value with nothing known about its field: dates, yes/no, lists and nested fields as words.</summary>
    private string Plain(JsonElement value, CultureInfo culture) => value.ValueKind switch
    {
        JsonValueKind.True => Text("Common.Yes", culture),
        JsonValueKind.False => Text("Common.No", culture),
        JsonValueKind.Null or JsonValueKind.Undefined => Text("Audit.Empty", culture),
        JsonValueKind.Number => value.GetDecimal().ToString("#,0.##", CultureInfo.InvariantCulture),
        JsonValueKind.Array => value.GetArrayLength() == 0
            ? Text("Audit.Empty", culture)
            : string.Join(Text("Audit.Separator", culture), value.EnumerateArray().Select(v => Plain(v, culture))),
        JsonValueKind.Object => string.Join(Text("Audit.FieldSeparator", culture), value.EnumerateObject()
            .Select(p => $"{texts.Find("Audit.Field." + Pascal(p.Name), culture) ?? Humanize(p.Name)}{Text("Audit.Colon", culture)}{Plain(p.Value, culture)}")),
        _ => Scalar(value.GetString() ?? string.Empty, culture),
    };

    private string Scalar(string text, CultureInfo culture)
    {
        if (Guid.TryParse(text, out _))
        {
            return Text("Audit.OtherRecord", culture);
        }

        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) && text[4] == '-' && text[10] == 'T')
        {
            return clock.InZone(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>An entered fact as the application page shows it: "true"/"false" as yes/no, the rest as typed.</summary>
    private string Fact(JsonElement value, CultureInfo culture) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "true" => Text("Common.Yes", culture),
            "false" => Text("Common.No", culture),
            var s => Scalar(s ?? string.Empty, culture),
        }
        : Plain(value, culture);

    /// <summary>A household status step as the repair recorded it: "2026-01-05 Identified → Eliminated (MemberFoundWork)".</summary>
    private string StatusStep(JsonElement step, CultureInfo culture)
    {
        var text = step.GetString() ?? string.Empty;
        var m = StepPattern().Match(text);
        if (!m.Success)
        {
            return text;
        }

        string Status(string s) => texts.Find("ZeroEmploymentStatus." + s, culture) ?? Humanize(s);
        var line = $"{m.Groups["on"].Value} {Status(m.Groups["from"].Value)} → {Status(m.Groups["to"].Value)}";
        return m.Groups["cause"].Success
            ? $"{line}（{texts.Find("HouseholdChangeCause." + m.Groups["cause"].Value, culture) ?? Humanize(m.Groups["cause"].Value)}）"
            : line;
    }

    /// <summary>Fields in the order the record pages show them (<see cref="FieldLabels"/>), the others after.</summary>
    private static int Order(string field) => FieldOrder.GetValueOrDefault(field, FieldLabels.Length);

    private static bool IsEmpty(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => value.GetString() is "" || (field == "priorityGroups" && value.GetString() == "None"),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static bool IsSubject(JsonElement value, Context c) =>
        c.Trail.Subject is { } subject && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) && id == subject;

    private static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["value"] = document.RootElement.Clone() };
        }
        catch (JsonException)
        {
            return new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["value"] = JsonSerializer.SerializeToElement(json) };
        }
    }

    private string Text(string key, CultureInfo culture) => texts.Text(key, culture);

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>"membershipEvents" → "Membership events": a code as words, for what has no text yet.</summary>
    private static string Humanize(string code)
    {
        var words = Words().Replace(code, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The field → label key of the record pages' texts, in the order the record pages show them.</summary>
    private static readonly (string Field, string Key)[] FieldLabels =
    [
        ("name", "Person.Name"),
        ("idNumber", "Person.IdNumber"),
        ("phone", "Person.Phone"),
        ("address", "Person.Address"),
        ("regionCode", "Person.Region"),
        ("employmentStatus", "Person.EmploymentStatus"),
        ("laborCapacity", "Person.LaborCapacity"),
        ("wantsWork", "Person.WantsWork"),
        ("priorityGroups", "Person.PriorityGroups"),
        ("education", "Person.Education"),
        ("hukou", "Person.Hukou"),
        ("hasBusinessIncome", "Household.BusinessIncome"),
        ("relationship", "Household.Relationship"),
        ("staff", "Household.AssignedStaff"),
        ("plan", "Household.Plan"),
        ("personId", "Referral.Person"),
        ("mergedIntoId", "Merge.Survivor"),
        ("postingId", "Referral.Posting"),
        ("outcome", "Referral.Outcome"),
        ("on", "Referral.OutcomeOn"),
        ("kind", "FollowUp.Kind"),
        ("occurredOn", "FollowUp.OccurredOn"),
        ("registeredOn", "Unemployment.RegisteredOn"),
        ("endedOn", "Unemployment.EndedOn"),
        ("from", "Transfer.From"),
        ("to", "Transfer.To"),
        ("note", "Transfer.Note"),
        ("scheme", "Application.Scheme"),
        ("applicant", "Application.Applicant"),
        ("decision", "Application.CheckAtSubmission"),
        ("amount", "Application.Amount"),
        ("durationMonths", "Application.Duration"),
        ("overrideReason", "Application.OverrideReason"),
        ("round", "Application.Round"),
        ("step", "Application.Step"),
        ("reference", "Application.Reference"),
        ("applicationDate", "Application.Date"),
        ("paidOn", "Payment.PaidOn"),
        ("category", "Certification.Category"),
        ("check", "Certification.Check"),
        ("steps", "Household.StatusHistory"),
    ];

    private static readonly Dictionary<string, string> Labels = FieldLabels.ToDictionary(x => x.Field, x => x.Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> FieldOrder = FieldLabels.Select((x, i) => (x.Field, i)).ToDictionary(x => x.Field, x => x.i, StringComparer.Ordinal);

    /// <summary>The field → text key prefix of its enum values.</summary>
    private static readonly Dictionary<string, string> Enums = new(StringComparer.Ordinal)
    {
        ["employmentStatus"] = "EmploymentStatus.",
        ["laborCapacity"] = "LaborCapacity.",
        ["priorityGroups"] = "PriorityGroup.",
        ["education"] = "EducationLevel.",
        ["hukou"] = "HukouType.",
        ["relationship"] = "Relationship.",
        ["cause"] = "HouseholdChangeCause.",
        ["kind"] = "FollowUpKind.",
        ["decision"] = "Decision.",
        ["check"] = "Decision.",
        ["category"] = "Category.",
    };

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?<on>\d{4}-\d{2}-\d{2}) (?<from>[A-Za-z]+) → (?<to>[A-Za-z]+)(?: \((?<cause>[A-Za-z]+)\))?$")]
    private static partial Regex StepPattern();

    /// <summary>
    /// What is being read: the action, the trail's page, and the family of actions a field's
    /// meaning depends on ("status" of a household is not an application's).
    /// </summary>
    private sealed record Context(string Action, AuditTrail Trail, CultureInfo Culture)
    {
        public string Area { get; } = Action switch
        {
            "HouseholdMemberAdded" or "HouseholdMemberRemoved" => "HouseholdMember",
            "PersonCancelled" or "PersonMerged" => Action,
            _ when Action.StartsWith("Household", StringComparison.Ordinal) => "Household",
            _ when Action.StartsWith("Unemployment", StringComparison.Ordinal) => "Unemployment",
            _ when Action.StartsWith("Transfer", StringComparison.Ordinal) => "Transfer",
            _ when Action.StartsWith("Application", StringComparison.Ordinal) => "Application",
            _ when Action.StartsWith("Certification", StringComparison.Ordinal) => "Certification",
            _ when Action.StartsWith("Referral", StringComparison.Ordinal) => "Referral",
            _ when Action.StartsWith("Payment", StringComparison.Ordinal) => "Payment",
            _ => string.Empty,
        };
    }
}
