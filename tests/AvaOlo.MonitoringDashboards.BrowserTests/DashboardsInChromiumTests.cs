using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Tests;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Playwright;

namespace AvaOlo.MonitoringDashboards.BrowserTests;

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<DashboardsServer>;

/// <summary>
/// Signs in with a real Chromium, opens every dashboard, and checks what a person would see: no console errors,
/// charts drawn (a Chart instance on a canvas of non-zero size), and a screenshot of each page kept as an artifact.
/// </summary>
[Collection("browser")]
public sealed class DashboardsInChromiumTests(DashboardsServer server) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    public Task InitializeAsync() => server.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_signs_in_and_every_dashboard_renders_its_charts_without_console_errors()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/install-browser.sh (apt-get install chromium) and test again.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await SeedAsync();
        var shots = ScreenshotDirectory();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = Args });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");

        await page.GotoAsync(new Uri(server.BaseAddress, "/login").ToString());
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", Seed.Password);
        await page.PressAsync("#password", "Enter"); // Enter submits, as on every form
        await page.WaitForURLAsync(new Uri(server.BaseAddress, "/").ToString());

        foreach (var path in new[] { "/business", "/agronomic", "/admin" })
        {
            await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
            await page.WaitForSelectorAsync("canvas[data-chart-ready='1']");
            var canvases = await page.QuerySelectorAllAsync("canvas[data-chart-type]");
            Assert.NotEmpty(canvases);
            foreach (var canvas in canvases)
            {
                var box = await canvas.BoundingBoxAsync();
                Assert.True(box is { Width: > 0, Height: > 0 }, $"{path}: a chart canvas has no size");
                Assert.True(await canvas.EvaluateAsync<bool>("c => window.Chart.getChart(c) !== undefined"), $"{path}: no Chart instance on a canvas");
            }
            // The auto-refresh swaps in fresh figures without reloading the page.
            await page.EvaluateAsync("() => window.avaoloRefresh()");
            await page.WaitForSelectorAsync("body[data-refreshed-at]");
            await page.EvaluateAsync("() => document.body.removeAttribute('data-refreshed-at')");
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, path.Trim('/') + ".png"), FullPage = true });
        }

        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
    }

    private async Task SeedAsync()
    {
        await Seed.UserAsync(server.Database, "admin", UserRoles.Admin, "Ana Admin");
        var farmer = await Seed.FarmerAsync(server.Database, "+38640111222", 1.5m, 2.25m);
        await Seed.ConversationAsync(server.Database, farmer.Id, "<script>alert(1)</script> Koliko je karenca za Prosaro u pšenici?", "42 dana.");
        var now = Minutes.Of(DateTimeOffset.UtcNow);
        await using var db = server.Database.CreateContext();
        for (var i = 1; i <= 30; i++)
        {
            var buckets = LatencyBuckets.Empty();
            buckets[LatencyBuckets.IndexOf(20 + i)] = 100 + i - i % 3;
            var errors = LatencyBuckets.Empty();
            errors[LatencyBuckets.IndexOf(20 + i)] = i % 3;
            MetricMinute Row(string metric, string label, long count, double sum, long[]? b = null) => new()
            {
                Minute = now.AddMinutes(-i), Service = "ava-olo-agricultural-core", Instance = "i-1", Metric = metric, Label = label, Count = count, Sum = sum, Buckets = b,
            };
            db.MetricMinutes.AddRange(
                Row(MetricNames.Requests, "2xx", 100 + i - i % 3, (100 + i - i % 3) * 20.0, buckets), Row(MetricNames.Requests, "5xx", i % 3, i % 3 * 20.0, errors),
                Row(MetricNames.Cpu, "", 1, 10), Row(MetricNames.Memory, "", 1, 180));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>.avaolo/test-results/screenshots at the repository root (test.sh's results directory).</summary>
    private static string ScreenshotDirectory()
    {
        var root = RepositoryRoot(AppContext.BaseDirectory) ?? RepositoryRoot(Directory.GetCurrentDirectory()) ?? AppContext.BaseDirectory;
        var path = Environment.GetEnvironmentVariable("AVAOLO_SCREENSHOTS_DIR") is { Length: > 0 } custom
            ? custom : Path.Combine(root, ".avaolo", "test-results", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string? RepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AvaOlo.slnx"))) dir = dir.Parent;
        return dir?.FullName;
    }
}
