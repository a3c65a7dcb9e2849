using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Tests;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AvaOlo.MonitoringDashboards.BrowserTests;

/// <summary>
/// Every dashboard page in a real Chromium, as a person uses it: no serious or critical axe violation, text of at least
/// 18 px, touch targets of at least 44 px, the version top-right; the workbench's filters and keyboard approval work.
/// </summary>
[Collection("browser")]
public sealed class PagesAPersonCanUseTests(DashboardsServer server) : IAsyncLifetime
{
    private static readonly string[] Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await server.Database.ResetAsync();
        Assert.True(File.Exists(DashboardsInChromiumTests.Chromium), "/usr/bin/chromium is missing: run scripts/install-browser.sh");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = DashboardsInChromiumTests.Chromium, Headless = true, Args = Args });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Every_page_passes_axe_with_large_text_large_targets_and_the_version_top_right()
    {
        await Seed.UserAsync(server.Database, "admin", UserRoles.Admin, "Ana Admin");
        var farmer = await Seed.FarmerAsync(server.Database, "+38640111222", 1.5m);
        await Seed.ConversationAsync(server.Database, farmer.Id, "Koliko je karenca za Prosaro u pšenici?", "42 dana.");
        await Seed.ConversationAsync(server.Database, null, "Kada žeti?", "Uskoro.", checksPassed: false);
        // A WhatsApp voice note: the workbench shows its transcript and the media link, the business page its channel.
        var voice = await Seed.ConversationAsync(server.Database, farmer.Id, "Kdaj je potrebno pošpricati paradižnik proti plesni?", "Odgovor.",
            language: "sl", channel: "whatsapp");
        await using (var db = server.Database.CreateContext())
        {
            db.WhatsAppInbox.Add(new InboundMessage
            {
                Provider = ChannelProviders.Meta, ProviderMessageId = "wamid.browser-voice", Sender = farmer.Phone, Type = "audio", Payload = "{}",
                State = InboxStates.Answered, ReceivedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, FarmerId = farmer.Id, ConversationId = voice.Id,
                MediaRef = "1234567890", MediaType = "audio/ogg", Transcript = voice.Question, TranscriptLanguage = "sl", AudioSeconds = 3.4,
            });
            await db.SaveChangesAsync();
        }
        var page = await NewPageAsync();
        var problems = new List<string>();

        foreach (var path in new[] { "/login", "/access-denied" }) await InspectAsync(page, path, problems);
        await SignInAsync(page, "admin");
        foreach (var path in new[] { "/", "/business", "/agronomic", "/admin", "/access-denied" }) await InspectAsync(page, path, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Filters_work_with_enter_and_the_keyboard_approves_and_edits()
    {
        await Seed.UserAsync(server.Database, "agronomist", UserRoles.Agronomist);
        var hr1 = await Seed.ConversationAsync(server.Database, null, "Prvo pitanje?", "Prvi odgovor.", at: DateTimeOffset.UtcNow.AddMinutes(-3));
        var hr2 = await Seed.ConversationAsync(server.Database, null, "Drugo pitanje?", "Drugi odgovor.", at: DateTimeOffset.UtcNow.AddMinutes(-2));
        var sl = await Seed.ConversationAsync(server.Database, null, "Slovensko vprašanje?", "Odgovor.", language: "sl");
        var page = await NewPageAsync();
        await SignInAsync(page, "agronomist");
        await page.GotoAsync(Url("/agronomic"));

        // A filter typed and confirmed with Enter: the URL carries it, the queue shows only matching answers.
        await page.FillAsync("#f-language", "hr");
        await page.PressAsync("#f-language", "Enter");
        await page.WaitForURLAsync(u => u.Contains("language=hr", StringComparison.Ordinal));
        Assert.Equal([$"answer-{hr2.Id}", $"answer-{hr1.Id}"], await page.Locator("#queue article").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));

        // j selects the first answer (visibly focused), j the next, k back; a approves the one in hand.
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        Assert.Equal($"answer-{hr2.Id}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("a");
        await page.WaitForSelectorAsync("text=Approved 1 answer(s).");

        // e opens the editor on the answer in hand, Ctrl+Enter saves the correction.
        await page.GotoAsync(Url("/agronomic?language=hr"));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("e");
        Assert.Equal($"edit-{hr1.Id}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.FillAsync($"#edit-{hr1.Id}", "Ispravljeni odgovor.");
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForSelectorAsync("text=Saved the corrected answer and approved it (1).");

        await using var db = server.Database.CreateContext();
        var rows = await db.Conversations.ToDictionaryAsync(c => c.Id);
        Assert.Equal(ReviewStates.Approved, rows[hr2.Id].ReviewState);
        Assert.Equal((ReviewStates.Edited, "Ispravljeni odgovor."), (rows[hr1.Id].ReviewState, rows[hr1.Id].ExpertAnswer));
        Assert.Equal(ReviewStates.Pending, rows[sl.Id].ReviewState);
    }

    private async Task<IPage> NewPageAsync() => await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();

    private async Task SignInAsync(IPage page, string username)
    {
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", Seed.Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync(Url("/"));
    }

    private async Task InspectAsync(IPage page, string path, List<string> problems)
    {
        await page.GotoAsync(Url(path));
        var axe = await page.RunAxe();
        if (axe.Passes.Length < 10) problems.Add($"{path}: axe ran only {axe.Passes.Length} passing rules: did the scan run on the page?");
        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{path}: axe {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        var small = await page.EvaluateAsync<string[]>(SmallText);
        problems.AddRange(small.Select(s => $"{path}: text under 18 px: {s}"));
        var tiny = await page.EvaluateAsync<string[]>(SmallTargets);
        problems.AddRange(tiny.Select(s => $"{path}: touch target under 44 px: {s}"));
        var version = await page.EvaluateAsync<string>(VersionTopRight);
        if (version != "ok") problems.Add($"{path}: version: {version}");
    }

    // Visible elements with their own text, whose computed font size is under 18 px.
    private const string SmallText = """
        () => [...document.querySelectorAll('body *')].filter(e => {
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            const r = e.getBoundingClientRect();
            return own && r.width > 0 && r.height > 0 && !e.closest('.visually-hidden, .skip-link') && parseFloat(getComputedStyle(e).fontSize) < 17.95;
        }).slice(0, 10).map(e => e.tagName + '.' + e.className + ' ' + getComputedStyle(e).fontSize + ': ' + e.textContent.trim().slice(0, 40))
        """;

    // Controls people press; links inside running text are exempt (WCAG 2.5.8's inline exception).
    private const string SmallTargets = """
        () => [...document.querySelectorAll('button, .button, summary, select, textarea, input:not([type=hidden]), nav a, .card, .brand')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.height < 43.5 || r.width < 43.5);
        }).slice(0, 10).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))
        """;

    private const string VersionTopRight = """
        () => {
            const v = document.querySelector('.version');
            if (!v) return 'missing';
            if (!/^v\d+\.\d+\.\d+/.test(v.textContent.trim())) return 'not vX.Y.Z: ' + v.textContent;
            const r = v.getBoundingClientRect();
            return r.top < 120 && r.right > window.innerWidth - 80 ? 'ok' : `not top-right: ${Math.round(r.left)},${Math.round(r.top)}`;
        }
        """;
}
