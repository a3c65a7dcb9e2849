using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Identity;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>Rows the tests need, written straight to the database as the CLI would write them.</summary>
public static class Seed
{
    public const string Password = "correct horse battery staple";

    public static async Task<User> UserAsync(TestDatabase database, string username, string role,
        string? displayName = null, DateTimeOffset? disabledAt = null)
    {
        var user = new User
        {
            Username = username, DisplayName = displayName ?? username, Role = role, PasswordHash = "",
            CreatedAt = DateTimeOffset.UtcNow, DisabledAt = disabledAt,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        await using var db = database.CreateContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<Farmer> FarmerAsync(TestDatabase database, string phone, params decimal[] fieldHectares)
    {
        var farmer = new Farmer
        {
            Name = $"Farmer {phone}", Phone = phone, CountryCode = "SI",
            Fields = [.. fieldHectares.Select((ha, i) => new Field { Name = $"Field {i + 1}", AreaHa = ha })],
        };
        await using var db = database.CreateContext();
        db.Farmers.Add(farmer);
        await db.SaveChangesAsync();
        return farmer;
    }

    public static async Task<Conversation> ConversationAsync(TestDatabase database, int? farmerId, string question, string answer = "Odgovor.",
        DateTimeOffset? at = null, bool checksPassed = true, string language = "hr", string? sources = null, string channel = "api",
        string method = AnswerMethods.Llm, string country = "HR", string state = ReviewStates.Pending)
    {
        var c = new Conversation
        {
            ThreadId = Guid.NewGuid(), FarmerId = farmerId, Channel = channel, Question = question, Answer = answer, Language = language,
            CountryCode = country, Method = method, Model = method == AnswerMethods.Llm ? "gpt-4" : null, ChecksPassed = checksPassed, ReviewState = state,
            Checks = checksPassed ? """[{"name":"mango_rule","passed":true}]""" : """[{"name":"privacy","passed":false,"detail":"phone in answer"}]""",
            Sources = sources, CreatedAt = at ?? DateTimeOffset.UtcNow,
        };
        await using var db = database.CreateContext();
        db.Conversations.Add(c);
        await db.SaveChangesAsync();
        return c;
    }
}
