using AvaOlo.Data;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

/// <summary>A number's row in whatsapp_contacts, as onboarding reads it.</summary>
public sealed record Contact(string Step, string? Language, string? Name, string? FarmName, int? FarmerId, long LastInboxId,
    DateTimeOffset? RefusedAt, DateTimeOffset? OptedOutAt, long? OptOutInboxId);

/// <summary>
/// whatsapp_contacts in SQL. Every move names the step it leaves and requires a newer inbox message than the last one
/// that moved it, so two instances (or a message processed again after a crash) cannot move a conversation twice.
/// </summary>
public static class ContactStore
{
    private const string Columns = "step, language, name, farm_name, farmer_id, last_inbox_id, refused_at, opted_out_at, opt_out_inbox_id";

    // A first message (or one after a refusal has expired, or after a registered farmer was deleted) starts the questions.
    private const string Start =
        "INSERT INTO whatsapp_contacts (phone, step, language, last_inbox_id, created_at, updated_at) VALUES ($1, 'ask_name', $2, $3, $4, $4) " +
        "ON CONFLICT (phone) DO UPDATE SET step = 'ask_name', language = excluded.language, name = NULL, farm_name = NULL, refused_at = NULL, " +
        "farmer_id = NULL, last_inbox_id = excluded.last_inbox_id, updated_at = excluded.updated_at WHERE whatsapp_contacts.last_inbox_id < excluded.last_inbox_id";

    private const string Move =
        "UPDATE whatsapp_contacts SET step = $3, name = coalesce($4, name), farm_name = coalesce($5, farm_name), last_inbox_id = $6, updated_at = $7 " +
        "WHERE phone = $1 AND step = $2 AND last_inbox_id < $6";

    // Name and farm name are not kept after a "no": we hold nothing of someone who declined.
    private const string Refuse =
        "UPDATE whatsapp_contacts SET step = 'refused', name = NULL, farm_name = NULL, refused_at = $3, last_inbox_id = $2, updated_at = $3 " +
        "WHERE phone = $1 AND step = 'ask_consent' AND last_inbox_id < $2";

    // They now live in the farmer row.
    private const string Registered =
        "UPDATE whatsapp_contacts SET step = 'registered', farmer_id = $2, name = NULL, farm_name = NULL, last_inbox_id = $3, updated_at = $4 " +
        "WHERE phone = $1 AND step = 'ask_consent'";

    // The first STOP wins: its confirmation is the one message that still goes out (the outbox lets only its reply through).
    private const string OptOut =
        "INSERT INTO whatsapp_contacts (phone, step, farmer_id, last_inbox_id, opted_out_at, opt_out_inbox_id, created_at, updated_at) " +
        "VALUES ($1, 'none', $2, 0, $3, $4, $5, $5) ON CONFLICT (phone) DO UPDATE SET " +
        "opted_out_at = coalesce(whatsapp_contacts.opted_out_at, excluded.opted_out_at), " +
        "opt_out_inbox_id = coalesce(whatsapp_contacts.opt_out_inbox_id, excluded.opt_out_inbox_id), " +
        "farmer_id = coalesce(excluded.farmer_id, whatsapp_contacts.farmer_id), updated_at = excluded.updated_at RETURNING opt_out_inbox_id";

    private const string OptIn =
        "UPDATE whatsapp_contacts SET opted_out_at = NULL, opt_out_inbox_id = NULL, updated_at = $2 WHERE phone = $1 AND opted_out_at IS NOT NULL";

    private const string OptedOut =
        "SELECT EXISTS (SELECT 1 FROM whatsapp_contacts c WHERE c.phone = $1 AND c.opted_out_at IS NOT NULL " +
        "AND c.opt_out_inbox_id IS DISTINCT FROM (SELECT o.inbox_id FROM whatsapp_outbox o WHERE o.id = $2))";

    public static async Task<Contact?> FindAsync(NpgsqlDataSource data, string phone, CancellationToken ct) =>
        (await Sql.ListAsync(data, $"SELECT {Columns} FROM whatsapp_contacts WHERE phone = $1", static r => new Contact(r.GetString(0), r.NullableString(1),
            r.NullableString(2), r.NullableString(3), r.Nullable<int>(4), r.GetInt64(5), r.Nullable<DateTimeOffset>(6), r.Nullable<DateTimeOffset>(7),
            r.Nullable<long>(8)), ct, phone)).SingleOrDefault();

    public static Task StartAsync(NpgsqlDataSource data, string phone, string language, long inboxId, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(data, Start, ct, phone, language, inboxId, now);

    /// <summary>False when the conversation was not at <paramref name="from"/> (another message moved it first).</summary>
    public static async Task<bool> MoveAsync(NpgsqlDataSource data, string phone, string from, string to, string? name, string? farm, long inboxId,
        DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(data, Move, ct, phone, from, to, Sql.Typed(name, NpgsqlDbType.Text), Sql.Typed(farm, NpgsqlDbType.Text), inboxId, now) == 1;

    public static async Task<bool> RefuseAsync(NpgsqlDataSource data, string phone, long inboxId, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(data, Refuse, ct, phone, inboxId, now) == 1;

    public static Task RegisteredAsync(NpgsqlDataSource data, string phone, int farmerId, long inboxId, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(data, Registered, ct, phone, farmerId, inboxId, now);

    /// <summary>Records the opt-out; true when <paramref name="inboxId"/> is the STOP whose confirmation is sent.</summary>
    public static async Task<bool> OptOutAsync(NpgsqlDataSource data, string phone, int? farmerId, long inboxId, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, OptOut, phone, Sql.Typed(farmerId, NpgsqlDbType.Integer), now, inboxId, now);
        return (long)(await cmd.ExecuteScalarAsync(ct))! == inboxId;
    }

    public static async Task<bool> OptInAsync(NpgsqlDataSource data, string phone, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(data, OptIn, ct, phone, now) == 1;

    /// <summary>The outbox's check: has the recipient opted out (and is this not the confirmation of their STOP)?</summary>
    public static async Task<bool> IsOptedOutAsync(NpgsqlDataSource data, string recipient, long outboxId, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, OptedOut, recipient, outboxId);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource data, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Sql.Command(data, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
