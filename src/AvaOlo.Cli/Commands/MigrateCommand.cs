using System.CommandLine;
using AvaOlo.Data;

namespace AvaOlo.Cli.Commands;

/// <summary>`avaolo migrate`: the one owner of schema changes. Safe to run from many instances at once.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("migrate",
            "Create the database if missing, apply pending migrations under an advisory lock, and upsert the " +
            "reference catalogue (Prosaro 250 EC, fertilisers…). Idempotent: a second run applies nothing. With " +
            "DB_APP_USER (and DB_APP_PASSWORD to create the role or set its password) the services' role gets exactly " +
            "SELECT, INSERT, UPDATE and DELETE on the tables, nothing else; run it as the owner (DB_USER).");
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            var role = ServiceRole.FromConfiguration(ctx.Env, options.User, out var errors);
            if (errors.Count > 0) throw new CliException(ExitCodes.InvalidSettings, $"invalid settings: {string.Join("; ", errors)}");
            ctx.Progress($"migrating {options}");
            if (role is null) ctx.Progress("DB_APP_USER is not set: no service role is granted (the services would need the owner's login)");
            var result = await MigrateAsync(ctx, options, role, token);
            ctx.Progress($"done: schema {result.SchemaVersion}, applied {result.Applied} migration(s), {result.AlreadyApplied} already applied");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<MigrationResult> MigrateAsync(CliContext ctx, DatabaseOptions options, ServiceRole? role, CancellationToken ct)
    {
        try
        {
            return await Migrator.MigrateAsync(options, ctx.Progress, ct, role);
        }
        catch (ServiceRoleException e)
        {
            throw new CliException(ExitCodes.InvalidSettings, e.Message);
        }
        catch (InvalidOperationException e) when (e.InnerException is null && e.Message.Contains("does not know", StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.SchemaNotCurrent, e.Message);
        }
    }
}
