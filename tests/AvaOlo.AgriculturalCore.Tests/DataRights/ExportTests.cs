using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

public sealed class ExportTests(TestDatabase database) : DataRightsTestBase(database)
{
    /// <summary>Database table → its part of the export (the same name unless listed).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal) { ["farmers"] = "farmer", ["llm_debug_log"] = "model_calls" };
    private static string PartOf(string table) => Renamed.GetValueOrDefault(table, table);

    private static readonly string[] ZipEntries =
        ["farmer", "fields", "plantings", "tasks", "task_fields", "task_materials", "conversations", "model_calls", "knowledge_entries", "consents", "audit_log", "api_keys", "erasure_requests", "whatsapp_inbox", "whatsapp_outbox", "whatsapp_contacts", "pending_actions", "model_usage_days"];

    [Fact]
    public async Task Json_export_holds_every_kind_of_row_of_the_farmer_and_nothing_of_another()
    {
        var z = await ZdravkoAsync(Factory, W.AdminKey, Database);
        var ana = await AnaAsync(Factory, W.AdminKey, Database);
        using var own = Factory.Client(z.Key);
        Assert.Equal(HttpStatusCode.Accepted, (await own.DeleteAsync($"/api/v1/farmer/{z.Id}?erase=true")).StatusCode); // a pending erasure is data too
        const string Reviewer = "agronomka.petra@avaolo.example";
        await using (var db = Database.CreateContext())
            await db.Conversations.Where(c => c.FarmerId == z.Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.ReviewedBy, Reviewer).SetProperty(x => x.ReviewState, "approved"));

        using var response = await own.GetAsync($"/api/v1/farmer/{z.Id}/export");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "personal data must not be cached");
        var doc = JsonDocument.Parse(text).RootElement;

        var farmer = doc.GetProperty("farmer");
        foreach (var (column, value) in new[] { ("name", z.Name), ("phone", z.Phone), ("email", z.Email), ("address", z.Address), ("vat_number", z.Vat), ("farm_name", z.FarmName) })
            Assert.Equal(value, farmer.GetProperty(column).GetString());

        // Every table that can name a farmer is in the export, with exactly this farmer's rows (a new table fails here).
        foreach (var (table, rows) in await Tables.RowsOfAsync(Database.ConnectionString, z.Id))
        {
            Assert.True(doc.TryGetProperty(PartOf(table), out var part), $"table {table} names farmers but the export has no '{PartOf(table)}'");
            Assert.True(rows > 0, $"the test made no {table} rows for the farmer: extend PersonAsync");
            Assert.Equal(rows, part.ValueKind == JsonValueKind.Array ? part.GetArrayLength() : 1);
        }
        var task = doc.GetProperty("tasks")[0];
        Assert.Equal([z.FieldId], task.GetProperty("field_ids").EnumerateArray().Select(f => f.GetInt32()));
        Assert.StartsWith("Prosaro", task.GetProperty("materials")[0].GetProperty("material_name").GetString(), StringComparison.Ordinal);
        Assert.Contains(doc.GetProperty("conversations").EnumerateArray(), c => c.GetProperty("question").GetString() == z.Question);
        Assert.All(doc.GetProperty("model_calls").EnumerateArray(), c => Assert.Equal("fake-model", c.GetProperty("model").GetString()));
        Assert.Contains(doc.GetProperty("consents").EnumerateArray(), c => c.GetProperty("purpose").GetString() == "voice_processing" && c.GetProperty("withdrawn_at").ValueKind == JsonValueKind.String);
        Assert.Equal("scheduled", doc.GetProperty("erasure_requests")[0].GetProperty("status").GetString());
        var actions = doc.GetProperty("audit_log").EnumerateArray().Select(a => $"{a.GetProperty("entity_type").GetString()}:{a.GetProperty("action").GetString()}").ToHashSet();
        Assert.Superset(new HashSet<string> { "farmers:create", "farmers:update", "fields:create", "plantings:create", "tasks:create", "erasure_requests:erase_request" }, actions);
        Assert.Equal(JsonValueKind.Object, doc.GetProperty("audit_log")[0].GetProperty("after").ValueKind); // snapshots stay JSON, not strings

        // API keys: metadata only.
        var key = doc.GetProperty("api_keys")[0];
        Assert.Equal($"{z.Name}'s phone", key.GetProperty("name").GetString());
        Assert.StartsWith(key.GetProperty("prefix").GetString()!, z.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(z.Key, text, StringComparison.Ordinal);

        // Our staff are other people: who reviewed an answer, and whose key changed a record, are withheld (ids stay).
        Assert.DoesNotContain(Reviewer, text, StringComparison.Ordinal);
        Assert.All(doc.GetProperty("conversations").EnumerateArray(), c => Assert.False(c.TryGetProperty("reviewed_by", out _)));
        Assert.All(doc.GetProperty("audit_log").EnumerateArray(), a => Assert.False(a.TryGetProperty("actor_name", out _)));
        Assert.Contains(doc.GetProperty("audit_log").EnumerateArray(), a => a.GetProperty("actor_id").GetString() == key.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Nothing of Ana, and nothing naming another farmer's id.
        foreach (var secret in ana.Identity.Append(ana.Question).Append(ana.Key)) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.All(FarmerIds(doc), id => Assert.Equal(z.Id, id));
        Assert.NotEmpty(FarmerIds(doc));
    }

    [Fact]
    public async Task Zip_export_has_one_rfc4180_utf8_csv_per_table_with_the_farmers_rows_only()
    {
        var z = await ZdravkoAsync(Factory, W.AdminKey, Database);
        var ana = await AnaAsync(Factory, W.AdminKey, Database);
        using var response = await Admin.GetAsync($"/api/v1/farmer/{z.Id}/export?format=zip"); // admins may export for a farmer, too
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        var files = await UnzipAsync(response);
        Assert.Equal(ZipEntries.Select(e => e + ".csv").Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in await Tables.RowsOfAsync(Database.ConnectionString, z.Id))
        {
            Assert.True(files.ContainsKey(PartOf(table) + ".csv"), $"table {table} names farmers but the zip has no {PartOf(table)}.csv");
            Assert.Equal(rows, CsvReader.Rows(files[PartOf(table) + ".csv"]).Count);
        }
        var farmer = Assert.Single(CsvReader.Rows(files["farmer.csv"]));
        Assert.Equal((z.Name, z.Phone, z.Email, z.Vat), (farmer["name"], farmer["phone"], farmer["email"], farmer["vat_number"]));
        // A question with a comma, quotes and a line break comes back exactly.
        Assert.Contains(CsvReader.Rows(files["conversations.csv"]), c => c["question"] == z.Question);
        Assert.Equal(z.FieldId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(CsvReader.Rows(files["task_fields.csv"]))["field_id"]);
        Assert.StartsWith("Prosaro", Assert.Single(CsvReader.Rows(files["task_materials.csv"]))["material_name"], StringComparison.Ordinal);
        Assert.DoesNotContain("secret_hash", CsvReader.Parse(files["api_keys.csv"])[0]);
        Assert.Equal("[\"records:read\",\"records:write\",\"query\"]", Assert.Single(CsvReader.Rows(files["api_keys.csv"]))["scopes"]);
        Assert.Single(CsvReader.Parse(files["erasure_requests.csv"])); // no erasure asked for: just the header
        foreach (var (name, content) in files)
            foreach (var secret in ana.Identity.Append(ana.Question)) Assert.False(content.Contains(secret, StringComparison.Ordinal), $"{name} shows Ana's {secret}");
    }

    [Fact]
    public async Task Thousands_of_conversations_are_streamed_in_full()
    {
        await using (var conn = new NpgsqlConnection(Database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO conversations (thread_id, farmer_id, channel, question, answer, language, method, checks_passed, tool_calls,
                                           processing_ms, language_matched, review_state, created_at)
                SELECT gen_random_uuid(), $1, 'api', 'Pitanje ' || g, 'Odgovor ' || g, 'hr', 'offline', true, 0, 5, true, 'pending', now()
                FROM generate_series(1, 3000) g
                """, conn) { Parameters = { new() { Value = W.A.Id } } };
            await cmd.ExecuteNonQueryAsync();
        }
        using var json = await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/export", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(json.Headers.TransferEncodingChunked, "the export is written as it is read, not buffered whole");
        var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        var questions = doc.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("question").GetString()).ToHashSet();
        Assert.Equal(3000, questions.Count);
        Assert.Contains("Pitanje 2999", questions);

        using var zip = await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/export?format=zip", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(zip.Headers.TransferEncodingChunked);
        Assert.Equal(3000, CsvReader.Rows((await UnzipAsync(zip))["conversations.csv"]).Count);
    }

    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        using var buffer = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            var raw = bytes.ToArray();
            Assert.False(raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF, $"{entry.FullName} starts with a byte-order mark");
            files[entry.FullName] = strict.GetString(raw);
        }
        return files;
    }

    /// <summary>Every "farmer_id" value anywhere in the document.</summary>
    private static List<int> FarmerIds(JsonElement e)
    {
        var ids = new List<int>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Object)
                foreach (var p in x.EnumerateObject())
                {
                    if (p.Name == "farmer_id" && p.Value.ValueKind == JsonValueKind.Number) ids.Add(p.Value.GetInt32());
                    Walk(p.Value);
                }
            else if (x.ValueKind == JsonValueKind.Array)
                foreach (var item in x.EnumerateArray()) Walk(item);
        }
        Walk(e);
        return ids;
    }
}
