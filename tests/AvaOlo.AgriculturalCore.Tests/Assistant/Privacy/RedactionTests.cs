using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Privacy;

/// <summary>
/// Identity and contact data written into records and questions — phone numbers, e-mail, VAT and IBAN numbers, the
/// names of known farmers (the asker's own too) — never reach the model: read what the model server received.
/// </summary>
public sealed class RedactionTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    [Fact]
    public async Task Personal_data_in_field_names_varieties_materials_and_the_question_is_redacted_before_every_model_call()
    {
        string own, neighbour;
        await using (var db = Database.CreateContext())
        {
            own = (await db.Farmers.SingleAsync(f => f.Id == D.CroatianWheat)).Name;
            neighbour = (await db.Farmers.SingleAsync(f => f.Id == D.Mango)).Name;
            var mota = await db.Fields.SingleAsync(f => f.FarmerId == D.CroatianWheat && f.Name == "Mota");
            mota.Name = $"Mota {own} 091 234 5678";
            var planting = await db.Plantings.FirstAsync(p => p.FieldId == mota.Id);
            planting.Variety = "sjeme od ana.novak@example.si";
            var task = new FarmTask { FarmerId = D.CroatianWheat, Type = $"najam od {neighbour}", Status = FarmTaskStatus.Done, DoneOn = new DateOnly(2026, 3, 1) };
            task.Fields.Add(new TaskField { FieldId = mota.Id });
            task.Materials.Add(new TaskMaterial { MaterialName = "račun HR12345678901, IBAN HR1210010051863000160" });
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }
        Model!.Then(FakeReply.Tool("list_fields"), FakeReply.Tool("current_plantings"), FakeReply.Tool("tasks_in_range", new { from = "2000-01-01", to = "2100-01-01" }),
            FakeReply.Text("Gotovo, polja su u redu."));
        var r = await AskAsync(D.WheatKey, new { query = $"Susjed {neighbour} (+386 41 234 567, {neighbour.Split(' ')[0].ToLowerInvariant()}@example.com) pita za moja polja." });
        Assert.Equal("llm", Method(r));

        var received = Model.AllReceived;
        foreach (var secret in new[] { own, neighbour, "091 234 5678", "ana.novak@example.si", "HR12345678901", "HR1210010051863000160", "+386 41 234 567", "@example.com" })
            Assert.DoesNotContain(secret, received, StringComparison.OrdinalIgnoreCase);
        foreach (var placeholder in new[] { "[name]", "[phone]", "[e-mail]", "[VAT number]", "[IBAN]" })
            Assert.Contains(placeholder, received, StringComparison.Ordinal);
        Assert.Contains("Mota", received, StringComparison.Ordinal); // the rest of the record still reaches the model
        Assert.Equal(4, Model.Requests.Count); // every round of tool calls went through the redaction
    }

    [Fact]
    public async Task An_answer_with_a_phone_vat_or_iban_number_fails_the_privacy_check_and_falls_back()
    {
        Model!.Then(FakeReply.Text("Nazovite agronoma na 091 234 5678."), FakeReply.Text("Uplatite na HR1210010051863000160."));
        var r = await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" });
        Assert.Equal("offline", Method(r));
        Assert.Contains("42 dana", Text(r), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var calls = await db.LlmCalls.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([false, false], calls.Select(c => c.ChecksPassed ?? true));
        Assert.Contains("phone number", calls[0].Checks, StringComparison.Ordinal);
        Assert.Contains("IBAN", calls[1].Checks, StringComparison.Ordinal);
    }
}
