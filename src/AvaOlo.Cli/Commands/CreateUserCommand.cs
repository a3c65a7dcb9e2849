using System.CommandLine;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Cli.Commands;

/// <summary>`avaolo create-user`: a dashboard login. The password is printed once (or read from stdin), stored hashed.</summary>
internal static class CreateUserCommand
{
    public static Command Create(CliContext ctx)
    {
        var username = new Option<string>("--username") { Description = "Login name, e.g. an e-mail address (stored lower-case)", Required = true };
        var role = new Option<string>("--role") { Description = "admin, agronomist or business", Required = true };
        role.AcceptOnlyFromAmong(UserRoles.All);
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the dashboards (default: the username)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of stdin instead of generating one" };
        var reset = new Option<bool>("--reset-password") { Description = "If the user exists, set a new password (and the given role and display name) instead of failing" };
        var command = new Command("create-user",
            "Create a dashboard user. Without --password-stdin a strong password is generated and printed once on stdout.")
        {
            username, role, displayName, passwordStdin, reset,
        };
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            var name = Validate(parse.GetValue(username));
            var password = parse.GetValue(passwordStdin) ? await ReadPasswordAsync(ctx.In, token) : Secrets.NewPassword();

            await using var dataSource = CliContext.OpenDataSource(options);
            await CliContext.RequireCurrentSchemaAsync(dataSource, token);
            await using var db = ctx.CreateContext(dataSource);
            var result = await UpsertAsync(db, name, parse.GetValue(role)!, parse.GetValue(displayName), password,
                parse.GetValue(reset), ctx.Clock.GetUtcNow(), token);
            ctx.Progress($"{(result.Created ? "created" : "reset password of")} user {name} ({result.User.Role})");
            if (!parse.GetValue(passwordStdin)) ctx.Out.WriteLine(password);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>Creates the user, or with <paramref name="reset"/> re-keys an existing one; shared with demo-credentials.</summary>
    public static async Task<(User User, bool Created)> UpsertAsync(
        Data.AvaOloDbContext db, string username, string role, string? displayName, string password, bool reset,
        DateTimeOffset now, CancellationToken ct)
    {
        var hasher = new PasswordHasher<User>();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Username == username, ct);
        var created = user is null;
        if (user is null)
        {
            user = new User { Username = username, DisplayName = displayName ?? username, Role = role, PasswordHash = "", CreatedAt = now };
            db.Users.Add(user);
        }
        else if (!reset)
        {
            throw new CliException(ExitCodes.AlreadyExists, $"user '{username}' already exists; add --reset-password to give it a new password");
        }
        else
        {
            user.Role = role;
            if (displayName is not null) user.DisplayName = displayName;
        }
        user.PasswordHash = hasher.HashPassword(user, password);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(Secrets.Audit(now, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created ? "create" : "update", new { user.Username, user.Role, user.DisplayName, password_changed = true }));
        await db.SaveChangesAsync(ct);
        return (user, created);
    }

    private static string Validate(string? input)
    {
        var name = (input ?? "").Trim().ToLowerInvariant();
        if (name.Length is < 3 or > 254 || name.Any(char.IsWhiteSpace) || name.Any(char.IsControl))
            throw new CliException(ExitCodes.InvalidInput, "--username must be 3–254 characters without spaces");
        return name;
    }

    private static async Task<string> ReadPasswordAsync(TextReader stdin, CancellationToken ct)
    {
        var line = (await stdin.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(line))
            throw new CliException(ExitCodes.InvalidInput, "--password-stdin: no password on stdin");
        if (line.Length < Secrets.MinPasswordLength)
            throw new CliException(ExitCodes.InvalidInput, $"--password-stdin: the password must have at least {Secrets.MinPasswordLength} characters");
        return line;
    }
}
