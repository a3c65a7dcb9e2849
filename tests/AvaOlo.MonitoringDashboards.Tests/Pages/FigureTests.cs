using System.Net;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Pages;

[Collection("database")]
public sealed class FigureTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Business_counts_farmers_and_their_hectares_leaving_out_deleted_farmers()
    {
        await Seed.FarmerAsync(Database, "+38640111222", 1.5m);
        await Seed.FarmerAsync(Database, "+38540111222", 2.25m);
        var gone = await Seed.FarmerAsync(Database, "+35988811122", 100m);
        await using (var db = Database.CreateContext())
        {
            await db.Farmers.Where(f => f.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, DateTimeOffset.UtcNow));
        }
        using var browser = await SignedInAsync(UserRoles.Business);

        var (status, html) = await browser.GetPageAsync("/business");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dd id=\"farmers\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"hectares\">3.75 ha</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Growth and activity", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_counts_enabled_users_by_role_and_usable_api_keys()
    {
        await Seed.UserAsync(Database, "b1", UserRoles.Business);
        await Seed.UserAsync(Database, "b2", UserRoles.Business);
        await Seed.UserAsync(Database, "b3", UserRoles.Business, disabledAt: DateTimeOffset.UtcNow);
        await using (var db = Database.CreateContext())
        {
            db.ApiKeys.AddRange(Key("ava_live0001", null, null), Key("ava_live0002", null, DateTimeOffset.UtcNow.AddDays(1)),
                Key("ava_revoked1", DateTimeOffset.UtcNow, null), Key("ava_expired1", null, DateTimeOffset.UtcNow.AddDays(-1)));
            await db.SaveChangesAsync();
        }
        using var browser = await SignedInAsync(UserRoles.Admin);

        var (status, html) = await browser.GetPageAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dd id=\"users-business\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"users-admin\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"users-agronomist\">0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"api-keys\">2</dd>", html, StringComparison.Ordinal);
    }

    private static ApiKey Key(string prefix, DateTimeOffset? revokedAt, DateTimeOffset? expiresAt) => new()
    {
        Name = prefix, Prefix = prefix, SecretHash = new byte[32], RevokedAt = revokedAt, ExpiresAt = expiresAt,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
