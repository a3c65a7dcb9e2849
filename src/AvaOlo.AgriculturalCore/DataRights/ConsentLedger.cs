using System.Text.RegularExpressions;
using AvaOlo.Data.Entities;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Records and withdraws a farmer's consents (the WhatsApp onboarding calls it). Recording is idempotent, so a webhook
/// delivered twice leaves one active row; withdrawing keeps the row with its time, as proof of what was agreed when.
/// Purpose, version and channel come from our own code, never from a request, so a bad one is a bug: it throws.
/// </summary>
public sealed partial class ConsentLedger(NpgsqlDataSource data, TimeProvider clock)
{
    /// <summary>Records consent to <paramref name="purpose"/> as worded in <paramref name="textVersion"/>; returns the active row.</summary>
    public async Task<Consent> RecordAsync(int farmerId, string purpose, string textVersion, string channel, CancellationToken ct)
    {
        Check(purpose, 64, nameof(purpose));
        Check(textVersion, 32, nameof(textVersion));
        Check(channel, 16, nameof(channel));
        // Two deliveries at once: the loser's ON CONFLICT waits for the winner, but its statement snapshot cannot see the
        // winner's row, so it reads nothing; a second statement (a new snapshot) does.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var cmd = Command(Record, farmerId, purpose, textVersion, channel, clock.GetUtcNow());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) continue;
            return new Consent
            {
                Id = reader.GetInt64(0), FarmerId = reader.GetInt32(1), Purpose = reader.GetString(2), TextVersion = reader.GetString(3),
                Channel = reader.GetString(4), GivenAt = reader.GetFieldValue<DateTimeOffset>(5),
                WithdrawnAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            };
        }
        throw new InvalidOperationException("the consent row was neither inserted nor found");
    }

    private const string Record = """
        WITH added AS (
            INSERT INTO consents (farmer_id, purpose, text_version, channel, given_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (farmer_id, purpose, text_version) WHERE withdrawn_at IS NULL DO NOTHING
            RETURNING id, farmer_id, purpose, text_version, channel, given_at, withdrawn_at)
        SELECT * FROM added
        UNION ALL
        SELECT id, farmer_id, purpose, text_version, channel, given_at, withdrawn_at FROM consents
        WHERE farmer_id = $1 AND purpose = $2 AND text_version = $3 AND withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM added)
        """;

    /// <summary>Withdraws every active consent to <paramref name="purpose"/>; returns how many rows were withdrawn.</summary>
    public async Task<int> WithdrawAsync(int farmerId, string purpose, CancellationToken ct)
    {
        Check(purpose, 64, nameof(purpose));
        await using var cmd = Command("UPDATE consents SET withdrawn_at = $3 WHERE farmer_id = $1 AND purpose = $2 AND withdrawn_at IS NULL",
            farmerId, purpose, clock.GetUtcNow());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>True when the farmer has an active consent to <paramref name="purpose"/>, in any version.</summary>
    public async Task<bool> HasConsentAsync(int farmerId, string purpose, CancellationToken ct)
    {
        await using var cmd = Command("SELECT EXISTS (SELECT 1 FROM consents WHERE farmer_id = $1 AND purpose = $2 AND withdrawn_at IS NULL)",
            farmerId, purpose);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private NpgsqlCommand Command(string sql, params object[] args) => AvaOlo.Data.Sql.Command(data, sql, args);

    private static void Check(string value, int max, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > max || !Code().IsMatch(value))
            throw new ArgumentException($"must be 1-{max} characters of a-z, 0-9, '_', '-', '.' or ':'", name);
    }

    [GeneratedRegex("^[a-z0-9_.:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
