using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

[Collection("database")]
public sealed class WorkbenchTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Farmer_text_with_markup_is_escaped_on_the_workbench()
    {
        await Seed.ConversationAsync(Database, null, "<script>alert('farmer')</script> Koliko je karenca?", "<img src=x onerror=alert(1)>");
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (status, html) = await browser.GetPageAsync("/agronomic");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert('farmer')</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;farmer&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"pending\">1</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_edit_reply_and_approve_many_are_stored_on_the_conversation()
    {
        var a = await Seed.ConversationAsync(Database, null, "Q1");
        var b = await Seed.ConversationAsync(Database, null, "Q2");
        var c = await Seed.ConversationAsync(Database, null, "Q3");
        var d = await Seed.ConversationAsync(Database, null, "Q4");
        var e = await Seed.ConversationAsync(Database, null, "Q5");
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        using (var r = await browser.SubmitAsync("/agronomic", $"/agronomic?handler=Approve&id={a.Id}")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await browser.SubmitAsync("/agronomic", $"/agronomic?handler=Edit&id={b.Id}", ("answer", "Karenca je 42 dni."))) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await browser.SubmitAsync("/agronomic", $"/agronomic?handler=Reply&id={c.Id}", ("answer", "Pokličite me."))) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await browser.SubmitAsync("/agronomic", "/agronomic?handler=ApproveMany", ("ids", d.Id.ToString()), ("ids", e.Id.ToString())))
            Assert.Equal("/agronomic?done=approved%3A2", r.Headers.Location!.OriginalString);

        await using var db = Database.CreateContext();
        var rows = await db.Conversations.OrderBy(x => x.Id).ToListAsync();
        Assert.Equal([ReviewStates.Approved, ReviewStates.Edited, ReviewStates.ExpertAnswered, ReviewStates.Approved, ReviewStates.Approved],
            rows.Select(x => x.ReviewState));
        Assert.Equal("Karenca je 42 dni.", rows[1].ExpertAnswer);
        Assert.Equal("Pokličite me.", rows[2].ExpertAnswer);
        Assert.All(rows, x => Assert.Equal(UserRoles.Agronomist, x.ReviewedBy));
        Assert.All(rows, x => Assert.NotNull(x.ReviewedAt));
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        var a = await Seed.ConversationAsync(Database, null, "Q1");
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        using var r = await browser.PostAsync($"/agronomic?handler=Approve&id={a.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_key_shown_once_and_revokes_it()
    {
        using var browser = await SignedInAsync(UserRoles.Admin);
        using var created = await browser.SubmitAsync("/admin", "/admin?handler=CreateKey", ("name", "whatsapp-gateway"), ("scopes", "query"), ("scopes", "records:read"));
        var html = await created.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-key\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("ava_", key, StringComparison.Ordinal);

        await using (var db = Database.CreateContext())
        {
            var row = await db.ApiKeys.SingleAsync();
            Assert.True(AvaOlo.Data.ApiKeySecrets.Matches(key, row.SecretHash));
            Assert.Equal(["query", "records:read"], row.Scopes);
            var (_, again) = await browser.GetPageAsync("/admin");
            Assert.DoesNotContain(key, again, StringComparison.Ordinal);
            using var revoked = await browser.SubmitAsync("/admin", $"/admin?handler=RevokeKey&id={row.Id}");
            Assert.Contains("Key revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var check = Database.CreateContext();
        Assert.NotNull((await check.ApiKeys.SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task Admin_configuration_never_shows_the_database_password()
    {
        using var browser = await SignedInAsync(UserRoles.Admin);
        var (_, html) = await browser.GetPageAsync("/admin");
        Assert.Contains("<td><code>DB_PASSWORD</code></td><td>set (hidden)</td>", html, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(Database.ServiceOptions.Password)) Assert.DoesNotContain(Database.ServiceOptions.Password, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_counts_questions_of_closed_days_from_the_daily_rollup_and_today_live()
    {
        var farmer = await Seed.FarmerAsync(Database, "+38640111222", 1.5m);
        var yesterday = DateTimeOffset.UtcNow.Date.AddHours(-12);
        await Seed.ConversationAsync(Database, farmer.Id, "Q1", at: new DateTimeOffset(yesterday, TimeSpan.Zero));
        await Seed.ConversationAsync(Database, farmer.Id, "Q2", at: new DateTimeOffset(yesterday, TimeSpan.Zero), sources: """[{"type":"field","title":"Mota"}]""");
        await Seed.ConversationAsync(Database, farmer.Id, "<b>Q3</b>", checksPassed: false);
        Assert.True(await Server.Services.GetRequiredService<ActivityRollup>().RefreshAsync(CancellationToken.None) > 0);

        using var browser = await SignedInAsync(UserRoles.Admin);
        var (_, business) = await browser.GetPageAsync("/business");
        Assert.Contains("<dd id=\"questions-today\">1</dd>", business, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"active-today\">1</dd>", business, StringComparison.Ordinal);
        Assert.Contains("&quot;data&quot;:[", business, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Q3</b>", business, StringComparison.Ordinal); // the stream is anonymised: no text at all

        var (_, agronomic) = await browser.GetPageAsync("/agronomic");
        Assert.Contains("<td>hr</td><td>field</td><td>1</td>", agronomic, StringComparison.Ordinal);
        var (_, admin) = await browser.GetPageAsync("/admin");
        Assert.Contains("<strong id=\"violations-today\">1</strong>", admin, StringComparison.Ordinal);
        Assert.Contains("privacy", admin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wheat")]
    [InlineData("pšenica ozima")] // the farmer's own word for the crop matches the rule's "wheat" through crop_names
    public async Task A_planned_harvest_inside_the_pre_harvest_interval_of_a_spraying_is_listed(string crop)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = Database.CreateContext())
        {
            var farmer = new Farmer { Name = "Marko", Phone = "+385911234567", CountryCode = "HR", Fields = [new Field { Name = "Mota", AreaHa = 3.5m }] };
            db.Farmers.Add(farmer);
            await db.SaveChangesAsync();
            var field = farmer.Fields[0];
            db.Plantings.Add(new Planting { FieldId = field.Id, FarmerId = farmer.Id, CropName = crop, SeasonYear = today.Year, Status = PlantingStatus.Growing, ExpectedHarvestOn = today.AddDays(60) });
            var prosaro = await db.Materials.SingleAsync(m => m.Name == "Prosaro 250 EC");
            db.Tasks.Add(new FarmTask
            {
                FarmerId = farmer.Id, Type = "spraying", Status = FarmTaskStatus.Done, DoneOn = today.AddDays(-5),
                Fields = [new TaskField { FieldId = field.Id }], Materials = [new TaskMaterial { MaterialId = prosaro.Id, MaterialName = prosaro.Name, Dose = 0.8m }],
            });
            db.Tasks.Add(new FarmTask { FarmerId = farmer.Id, Type = "harvest", Status = FarmTaskStatus.Planned, DueOn = today.AddDays(20), Fields = [new TaskField { FieldId = field.Id }] });
            await db.SaveChangesAsync();
        }
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        var (_, html) = await browser.GetPageAsync("/agronomic");

        Assert.Contains("<dd id=\"phi-risks\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<td>42 days</td>", html, StringComparison.Ordinal);
        Assert.Contains($"{today.AddDays(20):yyyy-MM-dd} (harvest task)", html, StringComparison.Ordinal);
    }
}
