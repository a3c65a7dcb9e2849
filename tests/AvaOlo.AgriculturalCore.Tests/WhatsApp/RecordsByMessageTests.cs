using System.Net;
using System.Text.Json.Nodes;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// Records by message over real HTTP: the demo's Croatian wheat farmer reports a spraying on WhatsApp, the (fake)
/// model proposes record_task, the reply asks with Yes/No buttons, and only the farmer's tap (or word) records the task
/// — then the reply says from when the field is safe to harvest (Prosaro 250 EC on wheat in HR: 42 days).
/// </summary>
public sealed class RecordsByMessageTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private const string Report = "Danas sam poprskao pšenicu na Moti Prosarom, 1 l/ha.";
    private static readonly string Farmer = DemoFarmers.CroatianWheatPhone;

    protected override bool DemoData => true;
    protected override bool WithModel => true;

    private async Task<int> MotaAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Fields.SingleAsync(f => f.FarmerId == D.CroatianWheat && f.Name == "Mota")).Id;
    }

    private async Task<int> TaskCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Tasks.CountAsync(t => t.FarmerId == D.CroatianWheat);
    }

    private void ScriptProposal(int field) => Model!.Then(
        FakeReply.Tool("record_task", new { type = "spraying", field_ids = new[] { field }, product = "Prosaro", dose = 1.0, unit = "l/ha" }),
        FakeReply.Text("Zabilježit ću prskanje Prosarom na Moti, 1 l/ha. Potvrđujete?"));

    private async Task<ReceivedMessage> SendAsync(JsonObject notification, string wamid)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(notification)).StatusCode);
        return Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
    }

    private static string SafeDate(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("d", ReplyCulture.For("hr"));

    [Fact]
    public async Task A_reported_spraying_is_proposed_with_buttons_and_recorded_by_the_tap_with_the_harvest_safe_date()
    {
        var mota = await MotaAsync();
        var before = await TaskCountAsync();
        ScriptProposal(mota);
        var report = CloudApiPayloads.NewMessageId();
        var ask = await SendAsync(CloudApiPayloads.Text(PhoneNumberId, Farmer, report, Report, DateTimeOffset.UtcNow), report);

        Assert.Equal("interactive", ask.Type);
        var sent = JsonNode.Parse(ask.Raw)!["interactive"]!;
        Assert.Equal("button", sent["type"]!.GetValue<string>());
        Assert.Contains("Prosarom na Moti", sent["body"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var buttons = sent["action"]!["buttons"]!.AsArray().Select(b => (b!["reply"]!["id"]!.GetValue<string>(), b["reply"]!["title"]!.GetValue<string>())).ToList();
        long proposal;
        await using (var db = Database.CreateContext())
            proposal = (await db.PendingActions.SingleAsync(p => p.FarmerId == D.CroatianWheat && p.ResolvedAt == null)).Id;
        Assert.Equal([($"confirm:{proposal}:yes", "Da"), ($"confirm:{proposal}:no", "Ne")], buttons);
        Assert.Equal(before, await TaskCountAsync()); // nothing recorded before the farmer's yes

        var calls = Model!.Requests.Count;
        var tap = CloudApiPayloads.NewMessageId();
        var done = await SendAsync(CloudApiPayloads.ButtonReply(PhoneNumberId, Farmer, tap, DateTimeOffset.UtcNow, buttons[0].Item1, "Da", ask.Id), tap);

        Assert.Equal("text", done.Type);
        Assert.Contains("Zabilježeno", done.Text, StringComparison.Ordinal);
        Assert.Contains($"berba je sigurna od {SafeDate(42)} (karenca za Prosaro 250 EC: 42 dana)", done.Text, StringComparison.Ordinal);
        Assert.Equal(calls, Model.Requests.Count); // the server carried it out, not the model
        await using var check = Database.CreateContext();
        Assert.Equal(before + 1, await TaskCountAsync());
        var task = await check.Tasks.Include(t => t.Materials).Include(t => t.Fields).OrderByDescending(t => t.Id).FirstAsync(t => t.FarmerId == D.CroatianWheat);
        Assert.Equal(("spraying", mota, "Prosaro 250 EC", 1.0m), (task.Type, task.Fields.Single().FieldId, task.Materials.Single().MaterialName, task.Materials.Single().Dose));
        Assert.True(await check.AuditLog.AnyAsync(a => a.EntityType == "tasks" && a.EntityId == task.Id.ToString() && a.Action == "create"));
        Assert.Equal(PendingActionResolutions.Confirmed, (await check.PendingActions.SingleAsync(p => p.Id == proposal)).Resolution);
        var tapRow = await check.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == tap);
        Assert.Equal(InboxStates.Answered, tapRow.State);
    }

    [Fact]
    public async Task A_tap_on_an_older_questions_button_changes_nothing_and_the_open_proposal_keeps_waiting()
    {
        var mota = await MotaAsync();
        var before = await TaskCountAsync();
        ScriptProposal(mota);
        ScriptProposal(mota);
        var first = CloudApiPayloads.NewMessageId();
        var old = await SendAsync(CloudApiPayloads.Text(PhoneNumberId, Farmer, first, Report, DateTimeOffset.UtcNow), first);
        var second = CloudApiPayloads.NewMessageId();
        await SendAsync(CloudApiPayloads.Text(PhoneNumberId, Farmer, second, Report, DateTimeOffset.UtcNow), second);
        var oldYes = JsonNode.Parse(old.Raw)!["interactive"]!["action"]!["buttons"]![0]!["reply"]!["id"]!.GetValue<string>();

        var tap = CloudApiPayloads.NewMessageId();
        var reply = await SendAsync(CloudApiPayloads.ButtonReply(PhoneNumberId, Farmer, tap, DateTimeOffset.UtcNow, oldYes, "Da", old.Id), tap);

        Assert.Contains("više nije otvoreno", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, await TaskCountAsync());
        await using var db = Database.CreateContext();
        var proposals = await db.PendingActions.Where(p => p.FarmerId == D.CroatianWheat).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([PendingActionResolutions.Superseded, null], proposals.Select(p => p.Resolution));
    }

    [Fact]
    public async Task On_twilio_the_farmer_reads_the_yes_no_words_and_a_typed_da_records_the_task()
    {
        var mota = await MotaAsync();
        var before = await TaskCountAsync();
        ScriptProposal(mota);
        Assert.Equal(HttpStatusCode.OK, (await PostTwilioAsync("/api/v1/twilio/webhook", TwilioMessage("SM" + Guid.NewGuid().ToString("N"), Farmer, Report))).StatusCode);
        var ask = Assert.Single(await Twilio.WaitForAsync(m => m.To == Farmer, 1, TimeSpan.FromSeconds(60)));
        Assert.EndsWith("Odgovorite DA ili NE.", ask.Text, StringComparison.Ordinal);
        Assert.Equal(before, await TaskCountAsync());

        Assert.Equal(HttpStatusCode.OK, (await PostTwilioAsync("/api/v1/twilio/webhook", TwilioMessage("SM" + Guid.NewGuid().ToString("N"), Farmer, "Da"))).StatusCode);
        var done = (await Twilio.WaitForAsync(m => m.To == Farmer, 2, TimeSpan.FromSeconds(60))).Last();
        Assert.Contains("Zabilježeno", done.Text, StringComparison.Ordinal);
        Assert.Contains("karenca za Prosaro 250 EC: 42 dana", done.Text, StringComparison.Ordinal);
        Assert.Equal(before + 1, await TaskCountAsync());
    }
}

/// <summary>Without a model, reported work is never half-recorded and never lost: it waits for an agronomist.</summary>
public sealed class RecordReportWithoutModelTests(TestDatabase database) : WhatsAppTestBase(database)
{
    protected override bool DemoData => true;

    [Fact]
    public async Task A_report_is_acknowledged_and_kept_pending_review_flagged_as_an_unconfirmed_record_report()
    {
        const string report = "Danas sam poprskao pšenicu na Moti Prosarom, 1 l/ha.";
        int tasks;
        await using (var db = Database.CreateContext()) tasks = await db.Tasks.CountAsync();
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, DemoFarmers.CroatianWheatPhone, wamid, report, DateTimeOffset.UtcNow))).StatusCode);
        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Hvala, vaše izvješće proslijedio sam agronomu. Ništa nije zabilježeno dok ga ne provjeri.", reply.Text);

        await using var check = Database.CreateContext();
        var inbox = await check.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxStates.Answered, InboxReviewFlags.UnconfirmedRecordReport, D.CroatianWheat), (inbox.State, inbox.ReviewFlag, inbox.FarmerId));
        var exchange = await check.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal((report, reply.Text, ReviewStates.Pending, "whatsapp", D.CroatianWheat), (exchange.Question, exchange.Answer, exchange.ReviewState, exchange.Channel, exchange.FarmerId));
        Assert.Equal(tasks, await check.Tasks.CountAsync());
        Assert.False(await check.PendingActions.AnyAsync());
    }
}
