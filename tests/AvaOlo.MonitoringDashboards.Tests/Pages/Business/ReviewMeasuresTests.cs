using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Pages.Business;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Business;

[Collection("database")]
public sealed class ReviewMeasuresTests(DashboardsServer server) : DashboardTest(server)
{
    // seconds → text
    [Theory]
    [InlineData(null, "–")]
    [InlineData(45.4, "45 s")]
    [InlineData(720.0, "12 min")]
    [InlineData(3 * 3600.0, "3 h")]
    [InlineData(3 * 3600.0 + 20 * 60, "3 h 20 min")]
    [InlineData(2 * 86400.0, "2 d")]
    [InlineData(2 * 86400.0 + 4 * 3600 + 59, "2 d 4 h")]
    public void Durations_read_as_people_say_them(double? seconds, string text) => Assert.Equal(text, ReviewMeasures.Duration(seconds));

    [Theory]
    [InlineData("2026-12-07", "2026-12-07")] // a Monday is its own week
    [InlineData("2026-12-06", "2026-11-30")] // Sunday closes the week begun on Monday
    [InlineData("2026-12-02", "2026-11-30")]
    public void Weeks_start_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            ReviewMeasures.MondayOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task The_business_page_shows_median_and_p90_time_to_review_and_the_corrected_share_per_week()
    {
        var monday = ReviewMeasures.MondayOf(DateOnly.FromDateTime(DateTime.UtcNow));
        var reviewedAt = new DateTimeOffset(monday.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero);
        // Ten answers reviewed this week, 1..10 hours after the question; 3 corrected. Median 5.5 h; p90 9.1 h.
        await using (var db = Database.CreateContext())
        {
            for (var h = 1; h <= 10; h++)
                db.Conversations.Add(new Conversation
                {
                    ThreadId = Guid.NewGuid(), Channel = "api", Question = "q", Answer = "a", Language = "hr", Method = AnswerMethods.Llm, ChecksPassed = true,
                    ReviewState = h <= 2 ? ReviewStates.Edited : h == 3 ? ReviewStates.ExpertAnswered : ReviewStates.Approved,
                    ReviewedBy = "ana", ReviewedAt = reviewedAt, CreatedAt = reviewedAt.AddHours(-h),
                });
            // Not reviewed by anyone: pending and never-queued answers are not in the measures.
            db.Conversations.Add(new Conversation { ThreadId = Guid.NewGuid(), Channel = "self-test", Question = "q", Answer = "a", Language = "hr",
                Method = AnswerMethods.Offline, ChecksPassed = true, ReviewState = ReviewStates.NotQueued, CreatedAt = reviewedAt });
            await db.SaveChangesAsync();
        }
        using var browser = await SignedInAsync(UserRoles.Business);

        var (_, html) = await browser.GetPageAsync("/business");

        Assert.Contains($"<tr id=\"review-week-{monday:yyyy-MM-dd}\"><td>{monday:yyyy-MM-dd}</td><td>10</td>\n          <td>5 h 30 min</td><td>9 h 6 min</td><td>30 %</td></tr>",
            html.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"<tr id=\"review-week-{monday.AddDays(-7):yyyy-MM-dd}\"><td>{monday.AddDays(-7):yyyy-MM-dd}</td><td>0</td>", html, StringComparison.Ordinal);
    }
}
