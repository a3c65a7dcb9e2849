using System.Net;
using System.Text.Json.Nodes;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>A shared location sets a field's centroid only after the farmer's yes, with an audit row (demo data, no model needed).</summary>
public sealed class LocationTests(TestDatabase database) : WhatsAppTestBase(database)
{
    protected override bool DemoData => true;

    [Fact]
    public async Task A_location_after_naming_the_field_is_proposed_with_buttons_and_stored_on_the_tap()
    {
        var farmer = DemoFarmers.CroatianWheatPhone;
        await using (var db = Database.CreateContext())
            await db.Fields.Where(f => f.FarmerId == D.CroatianWheat).ExecuteUpdateAsync(s => s.SetProperty(f => f.CentroidLat, (decimal?)null));
        var naming = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, farmer, naming, "Ovo je Mota", DateTimeOffset.UtcNow))).StatusCode);
        await Meta.WaitForAsync(m => m.ReplyTo == naming, 1, TimeSpan.FromSeconds(60));
        var pin = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Location(PhoneNumberId, farmer, pin, DateTimeOffset.UtcNow, 45.3312, 18.4127))).StatusCode);
        var ask = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == pin, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("interactive", ask.Type);
        Assert.Equal("Da postavim lokaciju parcele Mota na 45.3312, 18.4127?", ask.Text);
        int mota;
        await using (var db = Database.CreateContext())
        {
            var field = await db.Fields.SingleAsync(f => f.FarmerId == D.CroatianWheat && f.Name == "Mota");
            Assert.Null(field.CentroidLat); // nothing changes before the yes
            mota = field.Id;
        }
        var yes = JsonNode.Parse(ask.Raw)!["interactive"]!["action"]!["buttons"]![0]!["reply"]!["id"]!.GetValue<string>();
        var tap = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.ButtonReply(PhoneNumberId, farmer, tap, DateTimeOffset.UtcNow, yes, "Da", ask.Id))).StatusCode);
        var done = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == tap, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Zabilježeno: Mota – 45.3312, 18.4127.", done.Text);
        await using var check = Database.CreateContext();
        var located = await check.Fields.SingleAsync(f => f.Id == mota);
        Assert.Equal((45.3312m, 18.4127m), (located.CentroidLat, located.CentroidLon));
        Assert.True(await check.AuditLog.AnyAsync(a => a.EntityType == "fields" && a.EntityId == mota.ToString() && a.Action == "update"));
    }
}
