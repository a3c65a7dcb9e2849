using System.Diagnostics;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.AgriculturalCore.Assistant.Exchanges;

/// <summary>What one exchange stores: the conversation row and the model calls that made it (llm_debug_log).</summary>
public sealed record ExchangeRecord(Asking Who, AssistantRequest Request, string Method, AssistantAnswer Answer,
    string ChecksJson, bool ChecksPassed, bool LanguageMatched, int ElapsedMs, IReadOnlyList<ModelCallRecord> Calls, DateTimeOffset Now);

/// <summary>
/// Every exchange in one statement through <see cref="NpgsqlDataSource"/>: the conversation and its model calls are
/// inserted together (a data-modifying CTE), so they commit or fail as one and cost one round trip — cache hits
/// included, since nothing acknowledged may be lost.
/// </summary>
public sealed class ExchangeStore(NpgsqlDataSource data)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string Conversation =
        "INSERT INTO conversations (thread_id, farmer_id, channel, question, answer, language, country_code, method, model, checks_passed, checks, " +
        "sources, tool_calls, processing_ms, language_matched, review_state, created_at, api_key_id, asker_ref) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17, $18, $19)";

    // The calls travel as parallel arrays, unnested into llm_debug_log rows carrying the new conversation's id.
    private const string Calls =
        ", calls AS (INSERT INTO llm_debug_log (conversation_id, farmer_id, model, purpose, prompt_tokens, completion_tokens, latency_ms, success, " +
        "error, tool_calls, checks_passed, checks, created_at) " +
        "SELECT c.id, $2, x.model, x.purpose, x.prompt_tokens, x.completion_tokens, x.latency_ms, x.success, x.error, x.tool_calls, x.checks_passed, " +
        "x.checks::jsonb, $17 FROM c, unnest($20::text[], $21::text[], $22::int[], $23::int[], $24::int[], $25::bool[], $26::text[], $27::int[], " +
        "$28::bool[], $29::text[]) AS x(model, purpose, prompt_tokens, completion_tokens, latency_ms, success, error, tool_calls, checks_passed, checks))";

    private const string WithoutCalls = Conversation + " RETURNING id";
    private const string WithCalls = "WITH c AS (" + Conversation + " RETURNING id)" + Calls + " SELECT id FROM c";

    /// <summary>Stores the exchange; returns the conversation id.</summary>
    public async Task<long> StoreAsync(ExchangeRecord e, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var r = e.Request;
        var a = e.Answer;
        await using var cmd = Sql.Command(data, e.Calls.Count == 0 ? WithoutCalls : WithCalls,
            r.ThreadId, Sql.Typed(e.Who.Asker.FarmerId, NpgsqlDbType.Integer), e.Who.Channel, r.Question, a.Text, r.Language,
            Sql.Typed(r.CountryCode, NpgsqlDbType.Text), e.Method, Sql.Typed(a.Model, NpgsqlDbType.Text), e.ChecksPassed, e.ChecksJson,
            JsonSerializer.Serialize(a.Sources, Json), a.ToolCalls, e.ElapsedMs, e.LanguageMatched, InitialReviewState(e.Who.Channel, e.Who.Asker.SkipsReview), e.Now,
            Sql.Typed(e.Who.ApiKeyId, NpgsqlDbType.Integer), e.Who.Asker.Subject);
        if (e.Calls.Count > 0)
        {
            var calls = e.Calls;
            Add(cmd, calls.Select(c => c.Model).ToArray());
            Add(cmd, calls.Select(c => c.Purpose).ToArray());
            Add(cmd, calls.Select(c => c.PromptTokens).ToArray());
            Add(cmd, calls.Select(c => c.CompletionTokens).ToArray());
            Add(cmd, calls.Select(c => c.LatencyMs).ToArray());
            Add(cmd, calls.Select(c => c.Success).ToArray());
            Add(cmd, calls.Select(c => c.Error).ToArray());
            Add(cmd, calls.Select(c => c.ToolCalls).ToArray());
            Add(cmd, calls.Select(c => c.Checks?.All(x => x.Passed)).ToArray());
            Add(cmd, calls.Select(c => c.Checks is null ? null : JsonSerializer.Serialize(c.Checks, Json)).ToArray());
        }
        var id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        Data.Hosting.DatabaseMetrics.RecordQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return id;
    }

    /// <summary>The channel the self-tests ask on: their exchanges are stored but never queued for review.</summary>
    public const string SelfTestChannel = "self-test";

    /// <summary>
    /// The clean queue: self-tests and benchmark traffic (keys made with --no-review) are stored like any exchange —
    /// nothing is lost, and they count in the figures — but agronomists never see them in the review queue.
    /// </summary>
    public static string InitialReviewState(string channel, bool skipsReview) =>
        skipsReview || channel == SelfTestChannel ? ReviewStates.NotQueued : ReviewStates.Pending;

    private static void Add<T>(NpgsqlCommand cmd, T[] values) => cmd.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values });

    private const string Owner = "SELECT farmer_id, api_key_id, asker_ref FROM conversations WHERE thread_id = $1 ORDER BY id LIMIT 1";

    /// <summary>
    /// May <paramref name="who"/> continue this thread? Null when the thread has no exchange yet (a client may name a
    /// new thread itself); otherwise true only for the asker and the key that started it — a thread's history (and any
    /// proposal waiting in it) is never shown to, or confirmed by, anyone else.
    /// </summary>
    public async Task<bool?> MayContinueAsync(Guid threadId, Asking who, CancellationToken ct)
    {
        var first = await Sql.ListAsync(data, Owner, static r => (Farmer: r.Nullable<int>(0), Key: r.Nullable<int>(1), Ref: r.NullableString(2)), ct, threadId);
        if (first.Count == 0) return null;
        var (farmer, key, asker) = first[0];
        return farmer == who.Asker.FarmerId && key == who.ApiKeyId && (asker is null || asker == who.Asker.Subject);
    }

    private const string History =
        "SELECT question, answer FROM conversations WHERE thread_id = $1 AND farmer_id IS NOT DISTINCT FROM $2 ORDER BY id DESC LIMIT 4";

    /// <summary>The last exchanges of a thread the client continues, oldest first, as chat messages.</summary>
    public async Task<List<ChatMessage>> HistoryAsync(Guid threadId, int? farmerId, CancellationToken ct)
    {
        var previous = await Sql.ListAsync(data, History, static r => (Q: r.GetString(0), A: r.GetString(1)), ct,
            threadId, Sql.Typed(farmerId, NpgsqlDbType.Integer));
        previous.Reverse();
        return previous.SelectMany(p => new[] { new ChatMessage(ChatRole.User, p.Q), new ChatMessage(ChatRole.Assistant, p.A) }).ToList();
    }
}
