using System.Net;
using System.Text.RegularExpressions;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using AvaOlo.MonitoringDashboards.Pages.Agronomic;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

/// <summary>The review queue at scale: risk-first order, keyset pages, filters in the URL, approval by filter.</summary>
[Collection("database")]
public sealed partial class WorkbenchQueueTests(DashboardsServer server) : DashboardTest(server)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-5);
    private const string Rule = """[{"type":"material_rule","title":"Prosaro 250 EC – wheat (HR)"}]""";

    [Fact]
    public async Task Failed_checks_come_first_then_pesticide_topics_then_model_offline_cache_newest_first()
    {
        var cacheOld = await Q("cache old", 1, method: AnswerMethods.Cache);
        var llmOld = await Q("llm old", 2);
        var offline = await Q("offline", 3, method: AnswerMethods.Offline);
        var llmNew = await Q("llm new", 4);
        var ruleOffline = await Q("rule offline", 5, method: AnswerMethods.Offline, sources: Rule);
        var ruleLlm = await Q("rule llm", 6, sources: Rule);
        var failedCache = await Q("failed cache", 7, method: AnswerMethods.Cache, failed: true);
        var failedLlm = await Q("failed llm", 8, failed: true);
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (_, html) = await browser.GetPageAsync("/agronomic");

        Assert.Equal([failedLlm, failedCache, ruleLlm, ruleOffline, llmNew, llmOld, offline, cacheOld], QueueIds(html));
        Assert.Contains("<span class=\"tag\">pesticide / dose</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_pages_walk_the_whole_queue_forwards_and_back_without_gaps_or_repeats()
    {
        await using (var db = Database.CreateContext())
        {
            // Ties on time on purpose: the id breaks them, so no row is skipped or repeated across a page boundary.
            for (var i = 0; i < 45; i++) db.Conversations.Add(Row($"question {i}", T0.AddMinutes(i / 3)));
            await db.SaveChangesAsync();
        }
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (_, first) = await browser.GetPageAsync("/agronomic?language=hr");
        var (_, second) = await browser.GetPageAsync(NextLink(first)!);
        var (_, third) = await browser.GetPageAsync(NextLink(second)!);
        var (_, back) = await browser.GetPageAsync(PreviousLink(third)!);

        var seen = QueueIds(first).Concat(QueueIds(second)).Concat(QueueIds(third)).ToList();
        Assert.Equal((20, 20, 5), (QueueIds(first).Count, QueueIds(second).Count, QueueIds(third).Count));
        Assert.Equal(45, seen.Distinct().Count());
        await using var check = Database.CreateContext();
        var expected = await check.Conversations.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(expected, seen);
        Assert.Equal(QueueIds(second), QueueIds(back));
        Assert.Null(NextLink(third));
        Assert.Null(PreviousLink(first));
        Assert.Contains("language=hr", NextLink(first), StringComparison.Ordinal); // the filters travel with the pages
    }

    [Fact]
    public async Task A_rare_crop_is_found_through_the_pending_answers_trigram_index_not_by_reading_the_queue()
    {
        await Q("Kada žeti pšenicu?", 1);
        await using var conn = new NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        // A queue of 3,000 other questions: with statistics the planner knows the crop is rare and should not read them all.
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO conversations (thread_id, channel, question, answer, language, country_code, method, checks_passed, checks,
                                       tool_calls, processing_ms, language_matched, review_state, created_at)
            SELECT gen_random_uuid(), 'api', 'Koliko hektara ima polje ' || g || '?', 'Polje: 1 ha.', 'hr', 'HR', 'offline', true, '[]'::jsonb,
                   0, 5, true, 'pending', now() - make_interval(mins => g)
            FROM generate_series(1, 3000) g;
            """, conn)) await fill.ExecuteNonQueryAsync();
        // VACUUM moves the new rows out of the GIN index's pending list, as autovacuum would; a table this small is best
        // read whole, so sequential scans are off: the choice left is between the indexes.
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE conversations", conn)) await vacuum.ExecuteNonQueryAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        var (filter, _) = ReviewFilter.Parse(null, null, null, "pšenica", null, null, null);
        var (conditions, args) = filter.ToSql(1);
        await using var explain = new NpgsqlCommand($"EXPLAIN SELECT id FROM conversations WHERE review_state = 'pending' AND {string.Join(" AND ", conditions)} " +
            "ORDER BY review_rank, created_at DESC, id DESC LIMIT 21", conn);
        foreach (var arg in args) explain.Parameters.Add(new NpgsqlParameter { Value = arg });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("ix_conversations_pending_text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("channel=whatsapp", "whatsapp")]
    [InlineData("language=sl", "sl")]
    [InlineData("country=si", "si")]
    [InlineData("crop=P%C5%A1enica", "wheat-words")]      // the question's own words, any case
    [InlineData("crop=wheat", "wheat-source")]            // or the records the answer drew on
    [InlineData("method=offline", "offline")]
    [InlineData("check=any", "privacy,language")]
    [InlineData("check=privacy", "privacy")]
    [InlineData("farmer=FARMER", "farmer")]
    [InlineData("language=hr&method=cache", "")]
    public async Task Each_filter_narrows_the_queue_and_stays_in_the_url(string query, string expected)
    {
        var farmer = await Seed.FarmerAsync(Database, "+38640111222", 1m);
        var ids = new Dictionary<string, long>
        {
            ["whatsapp"] = await Q("whatsapp question", 1, channel: "whatsapp"),
            ["sl"] = await Q("slovene question", 2, language: "sl"),
            ["si"] = await Q("slovene country", 3, country: "SI"),
            ["wheat-words"] = await Q("Kada žeti pšenicu?", 4),
            ["wheat-source"] = await Q("Karenca?", 5, sources: Rule),
            ["offline"] = await Q("offline question", 6, method: AnswerMethods.Offline),
            ["privacy"] = await Q("privacy failure", 7, failed: true),
            ["language"] = await Q("language failure", 8, failedCheck: "language"),
            ["farmer"] = await Q("farmer's question", 9, farmerId: farmer.Id),
        };
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (status, html) = await browser.GetPageAsync("/agronomic?" + query.Replace("FARMER", farmer.Id.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        var want = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => ids[k]).Order().ToList();
        Assert.Equal(want, QueueIds(html).Order().ToList());
        Assert.Contains($"<strong id=\"matching-count\">{want.Count}</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("farmer=abc", "farmer", "must be a farmer id")]
    [InlineData("language=croatian", "language", "must be a two-letter ISO 639-1 code")]
    [InlineData("method=gpt", "method", "must be one of llm, offline, cache")]
    [InlineData("check=nonsense", "check", "must be any or one of")]
    [InlineData("after=1.2", "after", "is not a position in the queue")]
    public async Task A_bad_filter_is_a_400_naming_the_field_and_the_reason(string query, string field, string reason)
    {
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        var (status, html) = await browser.GetPageAsync("/agronomic?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"<li><strong>{field}</strong> {reason}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_by_filter_approves_exactly_what_matched_when_the_count_was_shown()
    {
        var sl1 = await Q("sl one", 1, language: "sl");
        var sl2 = await Q("sl two", 2, language: "sl");
        var hr = await Q("hr one", 3);
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        var (_, page) = await browser.GetPageAsync("/agronomic?language=sl");
        Assert.Contains("Yes, approve all 2 matching answer(s)", page, StringComparison.Ordinal);
        var upTo = Regex.Match(page, "name=\"upTo\" value=\"(\\d+)\"").Groups[1].Value;
        var late = await Q("sl arrived after the count", 4, language: "sl"); // not seen: must stay pending

        using var r = await browser.PostAsync("/agronomic?handler=ApproveFiltered", ("language", "sl"), ("upTo", upTo), ("expected", "2"),
            ("__RequestVerificationToken", Browser.AntiforgeryToken(page)));

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var (_, done) = await browser.GetPageAsync(r.Headers.Location!.OriginalString);
        Assert.Contains("Approved 2 answer(s) matching the filters (the count shown was 2).", done, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var states = await db.Conversations.ToDictionaryAsync(c => c.Id, c => c.ReviewState);
        Assert.Equal((ReviewStates.Approved, ReviewStates.Approved, ReviewStates.Pending, ReviewStates.Pending), (states[sl1], states[sl2], states[hr], states[late]));
    }

    [Fact]
    public async Task A_broad_filter_is_counted_and_approved_up_to_the_bound_newest_first()
    {
        var sl = new List<long>();
        for (var i = 0; i < 5; i++) sl.Add(await Q($"sl {i}", i, language: "sl"));
        await Q("hr", 9);
        await using var db = Database.CreateContext();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        var filter = ReviewFilter.Parse(null, "sl", null, null, null, null, null).Filter;

        var newest = await ReviewQueue.MatchingAsync(conn, filter, limit: 3, default);
        Assert.Equal(new ReviewQueue.Matching(3, sl[2], sl[4], More: true), newest);
        Assert.Equal(new ReviewQueue.Matching(5, sl[0], sl[4], More: false), await ReviewQueue.MatchingAsync(conn, filter, limit: 5, default));

        Assert.Equal(3, await ReviewQueue.ApproveAllAsync(conn, filter, newest.FromId, newest.UpToId, "agronomist", DateTimeOffset.UtcNow, default));
        Assert.Equal(new ReviewQueue.Matching(2, sl[0], sl[1], More: false), await ReviewQueue.MatchingAsync(conn, filter, limit: 3, default));
        Assert.Equal(3, await ReviewQueue.PendingAsync(conn, default)); // two sl, one hr
    }

    [Fact]
    public async Task Past_the_bound_the_page_says_more_and_offers_the_newest_batch()
    {
        await using (var db = Database.CreateContext())
        {
            for (var i = 0; i <= ReviewQueue.BulkLimit; i++) db.Conversations.Add(Row($"question {i}", T0.AddSeconds(i)));
            await db.SaveChangesAsync();
        }
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (status, html) = await browser.GetPageAsync("/agronomic?language=hr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong id=\"matching-count\">More than 10,000</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Yes, approve the newest 10,000 matching answers", html, StringComparison.Ordinal);
        Assert.Contains("name=\"expected\" value=\"10000\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_by_filter_needs_the_antiforgery_token_and_valid_filters()
    {
        await Q("q", 1);
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        using (var noToken = await browser.PostAsync("/agronomic?handler=ApproveFiltered", ("upTo", "999")))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var bad = await browser.SubmitAsync("/agronomic", "/agronomic?handler=ApproveFiltered", ("upTo", "999"), ("language", "xyz"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"language\":[\"must be a two-letter ISO 639-1 code", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(ReviewStates.Pending, (await db.Conversations.SingleAsync()).ReviewState);
    }

    private async Task<long> Q(string question, int minutes, string method = AnswerMethods.Llm, bool failed = false, string? failedCheck = null,
        string? sources = null, string channel = "api", string language = "hr", string country = "HR", int? farmerId = null)
    {
        var c = Row(question, T0.AddMinutes(minutes), method, sources, channel, language, country, farmerId);
        if (failed || failedCheck is not null)
        {
            c.ChecksPassed = false;
            c.Checks = $$"""[{"name":"{{failedCheck ?? "privacy"}}","passed":false,"detail":"x"},{"name":"mango_rule","passed":true}]""";
        }
        await using var db = Database.CreateContext();
        db.Conversations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static Conversation Row(string question, DateTimeOffset at, string method = AnswerMethods.Llm, string? sources = null, string channel = "api",
        string language = "hr", string country = "HR", int? farmerId = null) => new()
    {
        ThreadId = Guid.NewGuid(), FarmerId = farmerId, Channel = channel, Question = question, Answer = "Odgovor.", Language = language, CountryCode = country,
        Method = method, ChecksPassed = true, Checks = """[{"name":"language","passed":true}]""", Sources = sources, ReviewState = ReviewStates.Pending, CreatedAt = at,
    };

    private static List<long> QueueIds(string html) =>
        [.. ArticleId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string? NextLink(string html) => Link(html, "page-next");
    private static string? PreviousLink(string html) => Link(html, "page-previous");
    private static string? Link(string html, string id) =>
        Regex.Match(html, $"id=\"{id}\" href=\"([^\"]+)\"") is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<article class=\"answer[^\"]*\" id=\"answer-(\\d+)\"")]
    private static partial Regex ArticleId();
}
