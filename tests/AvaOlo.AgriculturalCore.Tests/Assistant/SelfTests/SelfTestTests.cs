using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.SelfTests;

public sealed class SelfTestTests(TestDatabase database) : AssistantTestBase(database)
{
    [Fact]
    public async Task Both_self_tests_pass_on_demo_data_and_check_content()
    {
        var mango = await HttpAssert.Json(await Factory.Client(D.AdminKey).PostAsync("/api/v1/test/mango-rule", null));
        Assert.True(mango.GetProperty("passed").GetBoolean(), mango.ToString());
        Assert.Equal("mango-rule", mango.GetProperty("test").GetString());
        var names = mango.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("uses_own_records", names);
        Assert.Contains("language_and_script", names);
        Assert.Contains("latency", names);
        Assert.Contains("constitutional_checks", names);

        var slovenian = await HttpAssert.Json(await Factory.Client(D.AdminKey).PostAsync("/api/v1/test/slovenian-farmer", null));
        Assert.True(slovenian.GetProperty("passed").GetBoolean(), slovenian.ToString());
    }

    [Fact]
    public async Task Mango_self_test_fails_honestly_when_the_mango_records_are_gone()
    {
        await using (var db = Database.CreateContext())
        {
            db.Plantings.RemoveRange(await db.Plantings.Where(p => p.FarmerId == D.Mango).ToListAsync());
            await db.SaveChangesAsync();
        }
        var mango = await HttpAssert.Json(await Factory.Client(D.AdminKey).PostAsync("/api/v1/test/mango-rule", null));
        Assert.False(mango.GetProperty("passed").GetBoolean());
        var records = mango.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "uses_own_records");
        Assert.False(records.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Self_tests_need_an_admin_key()
    {
        await HttpAssert.Problem(await Factory.Client(D.MangoKey).PostAsync("/api/v1/test/mango-rule", null), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await Factory.Client().PostAsync("/api/v1/test/slovenian-farmer", null), HttpStatusCode.Unauthorized);
    }
}
