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
            "reference catalogue (Prosaro 250 EC, fertilisers…). Idempotent: a second run applies nothing.");
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            ctx.Progress($"migrating {options}");
            var result = await MigrateAsync(ctx, options, token);
            ctx.Progress($"done: schema {result.SchemaVersion}, applied {result.Applied} migration(s), {result.AlreadyApplied} already applied");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<MigrationResult> MigrateAsync(CliContext ctx, DatabaseOptions options, CancellationToken ct)
    {
        try
        {
            return await Migrator.MigrateAsync(options, ctx.Progress, ct);
        }
        catch (InvalidOperationException e) when (e.InnerException is null && e.Message.Contains("does not know", StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.SchemaNotCurrent, e.Message);
        }
    }
}
