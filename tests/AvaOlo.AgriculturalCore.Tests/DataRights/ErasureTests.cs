using System.Net;
using System.Text.Json;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using AvaOlo.Data.Knowledge;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

public sealed class ErasureTests(TestDatabase database) : DataRightsTestBase(database)
{
    /// <summary>Tables that keep rows naming an erased farmer's id (never their identity): the audit trail and the erasure's record.</summary>
    private static readonly string[] Kept = ["audit_log", "erasure_requests"];

    [Fact]
    public async Task Scheduled_then_cancelled_erasure_removes_nothing_even_after_the_grace_period()
    {
        var z = await ZdravkoAsync(Factory, W.AdminKey, Database);
        using var own = Factory.Client(z.Key);
        var before = await Tables.RowsOfAsync(Database.ConnectionString, z.Id);

        using var asked = await own.DeleteAsync($"/api/v1/farmer/{z.Id}?erase=true");
        var scheduled = await HttpAssert.Json(asked, HttpStatusCode.Accepted);
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());
        var eraseAfter = scheduled.GetProperty("erase_after").GetDateTimeOffset();
        Assert.InRange(eraseAfter, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(5)); // the default grace
        var cancel = scheduled.GetProperty("cancel");
        Assert.Equal(("DELETE", $"/api/v1/farmer/{z.Id}/erasure"), (cancel.GetProperty("method").GetString(), cancel.GetProperty("href").GetString()));
        Assert.Equal($"/api/v1/farmer/{z.Id}/erasure", asked.Headers.Location?.ToString());

        // Asking again returns the same scheduled erasure; the farmer can read it.
        var again = await HttpAssert.Json(await own.DeleteAsync($"/api/v1/farmer/{z.Id}?erase=true"), HttpStatusCode.Accepted);
        Assert.Equal(scheduled.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal("scheduled", (await HttpAssert.Json(await own.GetAsync(cancel.GetProperty("href").GetString()))).GetProperty("status").GetString());

        var cancelled = await HttpAssert.Json(await own.DeleteAsync(cancel.GetProperty("href").GetString()));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("cancel").ValueKind);
        await HttpAssert.Problem(await own.GetAsync($"/api/v1/farmer/{z.Id}/erasure"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await own.DeleteAsync($"/api/v1/farmer/{z.Id}/erasure"), HttpStatusCode.NotFound);

        Assert.Equal(0, await JobAt(daysFromNow: 30).RunDueAsync(default));
        var after = await Tables.RowsOfAsync(Database.ConnectionString, z.Id);
        foreach (var (table, rows) in before)
            Assert.Equal(table is "audit_log" or "erasure_requests" ? rows + (table == "audit_log" ? 2 : 1) : rows, after[table]);
        (await own.GetAsync($"/api/v1/farmer/{z.Id}/fields")).EnsureSuccessStatusCode(); // the key still works

        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.Where(a => a.EntityType == ErasureJob.AuditEntity).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["erase_request", "erase_cancel"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("api_key", z.Id), (a.ActorType, a.FarmerId!.Value)));
        Assert.Contains("\"status\": \"cancelled\"", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_grace_period_the_job_leaves_no_row_naming_the_farmer_and_frees_the_phone()
    {
        var z = await ZdravkoAsync(Factory, W.AdminKey, Database);
        var ana = await AnaAsync(Factory, W.AdminKey, Database);
        var anaBefore = await Tables.RowsOfAsync(Database.ConnectionString, ana.Id);
        // The search can find the farmer: in their records, questions, key names and the audit trail's snapshots.
        var found = await Tables.MentioningAsync(Database.ConnectionString, z.Identity);
        Assert.Superset(new SortedSet<string> { "farmers.name", "farmers.phone", "fields.name", "fields.notes", "tasks.notes", "conversations.question", "whatsapp_inbox.text", "pending_actions.summary",
            "api_keys.name", "audit_log.after", "audit_log.actor_name" }, found);
        var before = await Tables.RowsOfAsync(Database.ConnectionString, z.Id);
        Assert.True(before["llm_debug_log"] > 0 && before["conversations"] > 0 && before["consents"] > 0 && before["pending_actions"] > 0);

        await HttpAssert.Json(await Factory.Client(z.Key).DeleteAsync($"/api/v1/farmers/{z.Id}?erase=true"), HttpStatusCode.Accepted); // the plural route too
        Assert.Equal(0, await JobAt(daysFromNow: 6.9).RunDueAsync(default)); // still within the grace period
        Assert.Equal(before["fields"], (await Tables.RowsOfAsync(Database.ConnectionString, z.Id))["fields"]);
        Assert.Equal(1, await JobAt(daysFromNow: 7.1).RunDueAsync(default));

        Assert.Empty(await Tables.MentioningAsync(Database.ConnectionString, z.Identity));
        var left = await Tables.RowsOfAsync(Database.ConnectionString, z.Id);
        Assert.All(left.Where(t => !Kept.Contains(t.Key)), t => Assert.True(t.Value == 0, $"{t.Value} row(s) of {t.Key} still name the erased farmer"));
        Assert.Equal(anaBefore, await Tables.RowsOfAsync(Database.ConnectionString, ana.Id)); // nobody else's rows were touched
        Assert.NotEmpty(await Tables.MentioningAsync(Database.ConnectionString, ana.Identity));

        await using (var db = Database.CreateContext())
        {
            // The audit trail keeps every row (who, when, which record, what action) but no snapshot of the person.
            var trail = await db.AuditLog.Where(a => a.FarmerId == z.Id).OrderBy(a => a.Id).ToListAsync();
            Assert.Contains(trail, a => a.EntityType == "farmers" && a.Action == "update");
            Assert.All(trail.Where(a => a.EntityType != ErasureJob.AuditEntity), a =>
            {
                Assert.True(a.Before is null || a.Before.Contains("\"erased\": true", StringComparison.Ordinal), a.Before);
                Assert.True(a.After is null || a.After.Contains("\"erased\": true", StringComparison.Ordinal), a.After);
            });
            var erase = trail.Single(a => a.Action == "erase");
            Assert.Equal(("system", ErasureJob.AuditEntity), (erase.ActorType, erase.EntityType));
            using var summary = JsonDocument.Parse(erase.After!);
            Assert.Equal(1, summary.RootElement.GetProperty("rows").GetProperty("farmer").GetInt32());
            Assert.True(summary.RootElement.GetProperty("rows").GetProperty("conversations").GetInt32() >= 2);
            // An agronomist's country-wide answer made from the farmer's exchange still answers others, without the farmer's words.
            var country = await db.KnowledgeEntries.Where(k => k.Scope == KnowledgeScopes.Country).ToListAsync();
            Assert.Equal(2, country.Count);
            var kept = Assert.Single(country, k => k.ConversationId is null);
            Assert.Equal("Karenca za Prosaro u pšenici je 42 dana.", kept.Answer);
            Assert.DoesNotContain(z.Name.Split(' ')[0], kept.Question, StringComparison.OrdinalIgnoreCase);
            var nameWords = z.Name.ToLowerInvariant().Split(' ');
            Assert.DoesNotContain(kept.QuestionStems, s => nameWords.Any(w => w.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(w, StringComparison.Ordinal)));
            Assert.Superset(KnowledgeText.Stems("karenca Prosaro pšenici").ToHashSet(), kept.QuestionStems.ToHashSet());
            var request = await db.ErasureRequests.SingleAsync(r => r.FarmerId == z.Id);
            Assert.Equal(ErasureStatus.Executed, request.Status);
            Assert.NotNull(request.ExecutedAt);
        }

        // The key is gone, the farmer is gone for everyone, and the phone number can be registered again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.Client(z.Key).GetAsync($"/api/v1/farmer/{z.Id}/fields")).StatusCode);
        await HttpAssert.Problem(await Admin.GetAsync($"/api/v1/farmer/{z.Id}/export"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await Admin.DeleteAsync($"/api/v1/farmer/{z.Id}/erasure"), HttpStatusCode.NotFound);
        await HttpAssert.Json(await Admin.Post("/api/v1/farmers", new { name = "Novi vlasnik broja", phone = z.Phone }), HttpStatusCode.Created);
        Assert.Equal(0, await JobAt(daysFromNow: 8).RunDueAsync(default)); // done once, never again
    }

    [Fact]
    public async Task A_cancel_that_waits_on_the_job_finds_the_erasure_already_done()
    {
        await HttpAssert.Json(await AsA.DeleteAsync($"/api/v1/farmer/{W.A.Id}?erase=true"), HttpStatusCode.Accepted);
        // Hold the request row as the job does while it erases, and let the cancel queue behind it.
        await using var conn = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var claim = new Npgsql.NpgsqlCommand("SELECT id FROM erasure_requests WHERE farmer_id = $1 FOR UPDATE", conn, tx) { Parameters = { new() { Value = W.A.Id } } })
            await claim.ExecuteScalarAsync();
        var cancel = Admin.DeleteAsync($"/api/v1/farmer/{W.A.Id}/erasure");
        await WaitForLockWaitAsync();
        await using (var done = new Npgsql.NpgsqlCommand("UPDATE erasure_requests SET status = 'executed', executed_at = now() WHERE farmer_id = $1", conn, tx) { Parameters = { new() { Value = W.A.Id } } })
            await done.ExecuteNonQueryAsync();
        await tx.CommitAsync();

        var problem = await HttpAssert.Problem(await cancel, HttpStatusCode.Conflict);
        Assert.Contains("already been carried out", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(ErasureStatus.Executed, (await db.ErasureRequests.SingleAsync()).Status);
        Assert.DoesNotContain(await db.AuditLog.Select(a => a.Action).ToListAsync(), a => a == "erase_cancel");
    }

    [Fact]
    public async Task Erasure_needs_erase_true_and_the_soft_delete_keeps_its_rules()
    {
        await HttpAssert.FieldError(await AsA.DeleteAsync($"/api/v1/farmer/{W.A.Id}"), "erase");
        await HttpAssert.FieldError(await AsA.DeleteAsync($"/api/v1/farmer/{W.A.Id}?erase=false"), "erase");
        await HttpAssert.FieldError(await Admin.DeleteAsync($"/api/v1/farmers/{W.A.Id}?erase=yes"), "erase");
        await HttpAssert.FieldError(await AsA.DeleteAsync("/api/v1/farmer/x?erase=true"), "id");
        // An integration key passes the soft-delete policy; no spelling of "true" may turn that into an erasure.
        using var writer = Factory.Client(W.WriterKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.DeleteAsync($"/api/v1/farmers/{W.A.Id}?erase=TRUE")).StatusCode);
        foreach (var sneaky in new[] { "%20true", "true%20", "false&erase=true", "true&erase=true", "1" })
            await HttpAssert.FieldError(await writer.DeleteAsync($"/api/v1/farmers/{W.A.Id}?erase={sneaky}"), "erase");
        // Without erase=true the plural route is still the soft delete: integration and admin keys only.
        Assert.Equal(HttpStatusCode.Forbidden, (await AsA.DeleteAsync($"/api/v1/farmers/{W.A.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsA.DeleteAsync($"/api/v1/farmers/{W.A.Id}?erase=false")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/farmers/{W.B.Id}?erase=false")).StatusCode);
        await using var db = Database.CreateContext();
        Assert.Empty(await db.ErasureRequests.ToListAsync());
        Assert.NotNull((await db.Farmers.IgnoreQueryFilters().SingleAsync(f => f.Id == W.B.Id)).DeletedAt);
    }

    [Fact]
    public async Task A_soft_deleted_farmer_can_still_be_exported_and_erased_by_an_admin()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/farmers/{W.B.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AsB.GetAsync($"/api/v1/farmer/{W.B.Id}/export")).StatusCode); // their keys were revoked
        var export = await HttpAssert.Json(await Admin.GetAsync($"/api/v1/farmer/{W.B.Id}/export"));
        Assert.Equal(W.B.Name, export.GetProperty("farmer").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, export.GetProperty("farmer").GetProperty("deleted_at").ValueKind);
        await HttpAssert.Json(await Admin.DeleteAsync($"/api/v1/farmer/{W.B.Id}?erase=true"), HttpStatusCode.Accepted);
        Assert.Equal(1, await JobAt(daysFromNow: 8).RunDueAsync(default));
        await using var db = Database.CreateContext();
        Assert.False(await db.Farmers.IgnoreQueryFilters().AnyAsync(f => f.Id == W.B.Id));
        Assert.True(await db.Farmers.AnyAsync(f => f.Id == W.A.Id));
    }

    private async Task WaitForLockWaitAsync()
    {
        // As the services' role: pg_stat_activity shows a session's query and wait only to its own role.
        await using var conn = new Npgsql.NpgsqlConnection(Database.ServiceOptions.ToConnectionString());
        await conn.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var cmd = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%erasure_requests%'", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the cancel never waited on the erasure row");
    }
}
