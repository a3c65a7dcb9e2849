using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.Limits;

/// <summary>
/// The daily model budget, in tokens, shared by every instance through model_usage_days: one per asker (a farmer, or an
/// unknown phone) and one per integration key over all the farmers it asks for. Checked before the model is asked
/// and charged after, so a question already running may finish over the line; the next one is refused until the
/// UTC day turns. Cache hits and rule-based answers cost no tokens and are never refused by it.
/// </summary>
public sealed class ModelBudget(NpgsqlDataSource data, AssistantOptions options)
{
    private const string Used = "SELECT subject, tokens FROM model_usage_days WHERE day = $1 AND subject = ANY($2)";

    private const string Charge =
        "INSERT INTO model_usage_days (subject, day, tokens, calls) SELECT s, $2, $3, $4 FROM unnest($1::text[]) AS s " +
        "ON CONFLICT (subject, day) DO UPDATE SET tokens = model_usage_days.tokens + excluded.tokens, calls = model_usage_days.calls + excluded.calls";

    /// <summary>The limits that apply to this asking, by subject (0 = none).</summary>
    public IReadOnlyList<(string Subject, long Limit)> Limits(Asking who)
    {
        var limits = new List<(string Subject, long Limit)>();
        if (options.DailyTokensPerFarmer > 0) limits.Add((who.Asker.Subject, options.DailyTokensPerFarmer));
        if (who.IntegrationKeyId is { } key && options.DailyTokensPerKey > 0) limits.Add(($"key:{key}", options.DailyTokensPerKey));
        return limits;
    }

    /// <summary>The first budget of this asking that today's use has reached, or null when the model may be asked.</summary>
    public async Task<string?> ExhaustedAsync(Asking who, DateOnly day, CancellationToken ct)
    {
        var limits = Limits(who);
        if (limits.Count == 0) return null;
        var used = await Sql.ListAsync(data, Used, static r => (Subject: r.GetString(0), Tokens: r.GetInt64(1)), ct, day,
            limits.Select(l => l.Subject).ToArray());
        return limits.FirstOrDefault(l => used.Any(u => u.Subject == l.Subject && u.Tokens >= l.Limit)).Subject;
    }

    /// <summary>Adds what the model calls of one question used to today's totals of every subject it counts for.</summary>
    public async Task ChargeAsync(Asking who, DateOnly day, IReadOnlyList<ModelCallRecord> calls, CancellationToken ct)
    {
        if (calls.Count == 0) return;
        var subjects = new List<string> { who.Asker.Subject };
        if (who.IntegrationKeyId is { } key) subjects.Add($"key:{key}");
        await using var cmd = Sql.Command(data, Charge, subjects.ToArray(), day, TokensOf(calls), calls.Count);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Tokens the server reported; a call it reported nothing for (a failure, a server without usage) counts as none.</summary>
    public static long TokensOf(IReadOnlyList<ModelCallRecord> calls) => calls.Sum(c => (long)(c.PromptTokens ?? 0) + (c.CompletionTokens ?? 0));
}
