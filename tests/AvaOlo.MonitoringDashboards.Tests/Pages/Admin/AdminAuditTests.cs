using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Admin;

/// <summary>What an admin changes on the dashboards lands in audit_log with them as the actor, and never a key's secret.</summary>
[Collection("database")]
public sealed partial class AdminAuditTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Asking_for_every_farmer_is_shown_as_powerful_and_never_given_to_one_farmers_key()
    {
        var farmer = await Seed.FarmerAsync(Database, "+38640111333", 1.5m);
        using var browser = await SignedInAsync(UserRoles.Admin);
        using var refused = await browser.SubmitAsync("/admin", "/admin?handler=CreateKey", ("name", "farmer app"), ("scopes", ApiScopes.Query),
            ("scopes", ApiScopes.QueryOnBehalf), ("farmerId", farmer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("cannot have query:on-behalf", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = Database.CreateContext()) Assert.False(await db.ApiKeys.AnyAsync());

        using var created = await browser.SubmitAsync("/admin", "/admin?handler=CreateKey", ("name", "whatsapp gateway"), ("scopes", ApiScopes.Query), ("scopes", ApiScopes.QueryOnBehalf));
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("query:on-behalf (powerful)", page, StringComparison.Ordinal); // in the list of keys
        Assert.Contains("powerful: acts for every farmer", page, StringComparison.Ordinal); // beside the checkbox
    }

    [Fact]
    public async Task Creating_and_revoking_a_key_are_audited_with_the_admin_as_actor_and_without_the_secret_or_hash()
    {
        var farmer = await Seed.FarmerAsync(Database, "+38640111222", 1.5m);
        using var browser = await SignedInAsync(UserRoles.Admin);
        using var created = await browser.SubmitAsync("/admin", "/admin?handler=CreateKey", ("name", "farmer app"), ("farmerId", farmer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var key = NewKey().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("ava_", key, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync();
        using (var revoked = await browser.SubmitAsync("/admin", $"/admin?handler=RevokeKey&id={row.Id}"))
            Assert.Contains("Key revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var again = await browser.SubmitAsync("/admin", $"/admin?handler=RevokeKey&id={row.Id}"))
            Assert.Contains("already revoked", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var admin = await db.Users.SingleAsync(u => u.Username == UserRoles.Admin);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "api_key").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["create", "revoke"], audit.Select(a => a.Action));
        Assert.All(audit, a =>
        {
            Assert.Equal(("dashboard_user", admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "admin"), (a.ActorType, a.ActorId, a.ActorName));
            Assert.Equal(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.EntityId);
            Assert.Equal(farmer.Id, a.FarmerId);
        });
        Assert.Null(audit[0].Before);
        Assert.Equal(row.Prefix, Field(audit[0].After, "prefix").GetString());
        Assert.Equal(["records:read", "records:write", "query"], Field(audit[0].After, "scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, Field(audit[1].Before, "revoked_at").ValueKind);
        Assert.Equal(JsonValueKind.String, Field(audit[1].After, "revoked_at").ValueKind);

        // Neither the key, its secret part, nor its stored hash in any encoding appears anywhere in the trail.
        var secret = key.Split('_', 3)[2]; // ava_<prefix>_<secret>: the secret itself may contain '_'
        var forbidden = new[] { key, secret, Convert.ToBase64String(row.SecretHash), Convert.ToHexString(row.SecretHash), Convert.ToHexStringLower(row.SecretHash) };
        var everything = string.Join("\n", (await db.AuditLog.AsNoTracking().Select(a => new { a.Before, a.After }).ToListAsync()).Select(a => a.Before + " " + a.After));
        foreach (var f in forbidden) Assert.DoesNotContain(f, everything, StringComparison.Ordinal);
        var keyRows = string.Join("\n", audit.Select(a => a.Before + " " + a.After));
        Assert.DoesNotContain("secret", keyRows, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", keyRows, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Role_changes_and_disabling_or_enabling_a_user_are_audited_with_before_and_after()
    {
        var ana = await Seed.UserAsync(Database, "ana", UserRoles.Business);
        using var browser = await SignedInAsync(UserRoles.Admin);
        var id = ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using (var r = await browser.SubmitAsync("/admin", $"/admin?handler=Role&id={id}", ("role", UserRoles.Agronomist))) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await browser.SubmitAsync("/admin", $"/admin?handler=Role&id={id}", ("role", UserRoles.Agronomist))) Assert.Equal(HttpStatusCode.OK, r.StatusCode); // no change, no row
        using (var r = await browser.SubmitAsync("/admin", $"/admin?handler=ToggleUser&id={id}")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await browser.SubmitAsync("/admin", $"/admin?handler=ToggleUser&id={id}")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "user" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["update", "disable", "enable"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("dashboard_user", "admin"), (a.ActorType, a.ActorName)));
        Assert.Equal(("business", "agronomist"), (Field(audit[0].Before, "role").GetString(), Field(audit[0].After, "role").GetString()));
        Assert.Equal(JsonValueKind.Null, Field(audit[1].Before, "disabled_at").ValueKind);
        Assert.Equal(JsonValueKind.String, Field(audit[1].After, "disabled_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, Field(audit[2].After, "disabled_at").ValueKind);
        Assert.DoesNotContain("password", string.Join(" ", audit.Select(a => a.Before + a.After)), StringComparison.OrdinalIgnoreCase);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ana.Id);
        Assert.Equal((UserRoles.Agronomist, (DateTimeOffset?)null), (stored.Role, stored.DisabledAt));
    }

    private static JsonElement Field(string? json, string name) => JsonDocument.Parse(json ?? "null").RootElement.GetProperty(name);

    [GeneratedRegex("<code id=\"new-key\">([^<]+)</code>")]
    private static partial Regex NewKey();
}
