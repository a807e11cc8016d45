using EmploymentPortal.Domain.Jobs;

namespace EmploymentPortal.Domain.Tests;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the standard's worked example
    [InlineData("91110108551385082Q")]
    [InlineData(" 91110108551385082q ")] // trimmed, upper-cased
    public void Valid_codes_parse(string text) => CreditCode.TryParse(text, out _).Should().BeTrue();

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M0001O0Y43")] // O is not in the character set
    [InlineData("913501A0M000100Y43")] // the division code must be digits
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_codes_are_refused(string? text) => CreditCode.TryParse(text, out _).Should().BeFalse();
}

public sealed class PostingWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PostingDetails Details(DateOnly? validTo = null, int payMin = 3000, int payMax = 4500) =>
        new("小区保安", "负责小区门岗值守", "3-02", 1, "370702001001", payMin, payMax, 2, PostingType.FullTime, null, null, "王经理", "13800000000", Today, validTo ?? Today.AddDays(30));

    [Fact]
    public void Draft_review_publish_then_filled()
    {
        var posting = Posting.Create(Guid.NewGuid(), Details(), "employer1", DateTimeOffset.UnixEpoch, Today);
        posting.Status.Should().Be(PostingStatus.Draft);
        posting.SubmitForReview();

        var unverified = () => posting.Review(true, null, EmployerStatus.Pending, "street1", DateTimeOffset.UnixEpoch, Today);
        unverified.Should().Throw<JobsException>().WithMessage("Posting.EmployerNotVerified");

        posting.Review(true, null, EmployerStatus.Verified, "street1", DateTimeOffset.UnixEpoch, Today);
        posting.Status.Should().Be(PostingStatus.Published);
        posting.End(filled: true, new DateOnly(2026, 11, 23));
        posting.EndedOn.Should().Be(new DateOnly(2026, 11, 23));
        posting.Status.Should().Be(PostingStatus.Filled);
    }

    [Fact]
    public void A_rejected_review_returns_to_draft_with_its_note()
    {
        var posting = Posting.Create(Guid.NewGuid(), Details(), "employer1", DateTimeOffset.UnixEpoch, Today);
        posting.SubmitForReview();
        var noNote = () => posting.Review(false, " ", EmployerStatus.Verified, "street1", DateTimeOffset.UnixEpoch, Today);
        noNote.Should().Throw<JobsException>().WithMessage("Posting.ReasonRequired");
        posting.Review(false, "薪资写明税前还是税后", EmployerStatus.Verified, "street1", DateTimeOffset.UnixEpoch, Today);
        posting.Status.Should().Be(PostingStatus.Draft);
        posting.ReviewNote.Should().Be("薪资写明税前还是税后");
        posting.Update(Details(payMax: 5000), Today);
        posting.PayMax.Should().Be(5000);
    }

    [Fact]
    public void Expires_after_its_end_date_only_when_published()
    {
        var posting = Posting.Create(Guid.NewGuid(), Details(Today.AddDays(3)), "employer1", DateTimeOffset.UnixEpoch, Today);
        posting.ExpiredOn(Today.AddDays(10)).Should().BeFalse("a draft does not expire");
        posting.SubmitForReview();
        posting.Review(true, null, EmployerStatus.Verified, "street1", DateTimeOffset.UnixEpoch, Today);
        posting.ExpiredOn(Today.AddDays(3)).Should().BeFalse("its last day still counts");
        posting.ExpiredOn(Today.AddDays(4)).Should().BeTrue();
        posting.Expire(Today.AddDays(4));
        posting.Status.Should().Be(PostingStatus.Expired);
        var end = () => posting.End(false, new DateOnly(2026, 11, 23));
        end.Should().Throw<JobsException>().WithMessage("Posting.NotPublished");
    }

    [Theory]
    [InlineData(5000, 4000, "Posting.PayRange")]
    [InlineData(-1, 4000, "Posting.PayRange")]
    public void Bad_details_are_refused(int payMin, int payMax, string key)
    {
        var create = () => Posting.Create(Guid.NewGuid(), Details(payMin: payMin, payMax: payMax), "x", DateTimeOffset.UnixEpoch, Today);
        create.Should().Throw<JobsException>().WithMessage(key);
        var past = () => Posting.Create(Guid.NewGuid(), Details(Today.AddDays(-1)), "x", DateTimeOffset.UnixEpoch, Today);
        past.Should().Throw<JobsException>().WithMessage("Posting.ValidRange");
    }

    [Fact]
    public void A_verified_employer_waits_again_when_its_name_changes()
    {
        CreditCode.TryParse("91350100M000100Y43", out var code).Should().BeTrue();
        var employer = Employer.Create(code, "潍城保安服务有限公司", "保安服务", EmployerSize.Small, 1, "370702001001", "王经理", "13800000000", null, DateTimeOffset.UnixEpoch);
        employer.Verify(true, null, "street1", DateTimeOffset.UnixEpoch);
        employer.Update("潍城保安服务有限公司", "保安服务", EmployerSize.Medium, 1, "370702001001", "王经理", "13800000000");
        employer.Status.Should().Be(EmployerStatus.Verified);
        employer.Update("潍城安保集团", "保安服务", EmployerSize.Medium, 1, "370702001001", "王经理", "13800000000");
        employer.Status.Should().Be(EmployerStatus.Pending);
    }
}
