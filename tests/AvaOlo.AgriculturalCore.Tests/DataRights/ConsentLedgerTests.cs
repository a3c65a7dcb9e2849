using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

public sealed class ConsentLedgerTests(TestDatabase database) : ApiTestBase(database)
{
    private ConsentLedger Ledger => Factory.Services.GetRequiredService<ConsentLedger>();

    [Fact]
    public async Task Consent_is_recorded_once_per_version_and_withdrawal_keeps_the_record()
    {
        var first = await Ledger.RecordAsync(W.A.Id, "terms", "2026-01", "whatsapp", default);
        var again = await Ledger.RecordAsync(W.A.Id, "terms", "2026-01", "api", default); // a retried delivery
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("whatsapp", again.Channel);
        var newer = await Ledger.RecordAsync(W.A.Id, "terms", "2026-06", "whatsapp", default);
        Assert.NotEqual(first.Id, newer.Id);
        Assert.True(await Ledger.HasConsentAsync(W.A.Id, "terms", default));
        Assert.False(await Ledger.HasConsentAsync(W.B.Id, "terms", default));

        Assert.Equal(2, await Ledger.WithdrawAsync(W.A.Id, "terms", default));
        Assert.False(await Ledger.HasConsentAsync(W.A.Id, "terms", default));
        Assert.Equal(0, await Ledger.WithdrawAsync(W.A.Id, "terms", default));
        var renewed = await Ledger.RecordAsync(W.A.Id, "terms", "2026-01", "whatsapp", default);
        Assert.NotEqual(first.Id, renewed.Id);

        await using var db = Database.CreateContext();
        var rows = await db.Consents.Where(c => c.FarmerId == W.A.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([true, true, false], rows.Select(r => r.WithdrawnAt is not null));
        Assert.All(rows, r => Assert.True(r.GivenAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task The_same_consent_delivered_many_times_at_once_leaves_one_row()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Ledger.RecordAsync(W.B.Id, "voice_processing", "1", "whatsapp", default))));
        Assert.Single(results.Select(r => r.Id).Distinct());
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Consents.CountAsync());
    }

    [Theory]
    [InlineData("", "1", "whatsapp")]
    [InlineData("Terms!", "1", "whatsapp")]
    [InlineData("terms", "1 ", "whatsapp")]
    [InlineData("terms", "1", "a-channel-name-too-long")]
    public async Task Codes_that_our_own_code_should_never_send_throw(string purpose, string version, string channel) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.RecordAsync(W.A.Id, purpose, version, channel, default));

    [Fact]
    public async Task Consent_for_an_unknown_farmer_is_refused_by_the_database()
    {
        var e = await Assert.ThrowsAsync<PostgresException>(() => Ledger.RecordAsync(int.MaxValue, "terms", "1", "api", default));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
    }
}
