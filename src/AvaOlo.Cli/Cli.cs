using System.CommandLine;
using AvaOlo.Cli.Commands;

namespace AvaOlo.Cli;

/// <summary>The whole command line, callable in-process so tests can run commands and capture their output.</summary>
public static class Cli
{
    /// <param name="env">Environment variables; null reads the process environment. A dictionary replaces it entirely.</param>
    public static Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string>? env = null,
        TextReader? stdin = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        Func<string, string?> lookup = env is null ? Environment.GetEnvironmentVariable : name => env.TryGetValue(name, out var v) ? v : null;
        var ctx = new CliContext(stdout, stderr, stdin ?? Console.In, lookup, clock ?? TimeProvider.System);

        var root = new RootCommand(
            "AVA OLO operations tool. The database comes from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD " +
            "(and DB_SSL_MODE). Results (keys, passwords) go to stdout, progress to stderr. Exit codes: 0 ok, " +
            "1 invalid input, 2 invalid settings, 3 database (or service) unreachable, 4 schema not current, 5 already exists, 6 timed out.");
        root.Subcommands.Add(MigrateCommand.Create(ctx));
        root.Subcommands.Add(SeedCommand.Create(ctx));
        root.Subcommands.Add(CreateUserCommand.Create(ctx));
        root.Subcommands.Add(CreateApiKeyCommand.Create(ctx));
        root.Subcommands.Add(DemoCredentialsCommand.Create(ctx));
        root.Subcommands.Add(WhatsAppCommand.Create(ctx));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line instead of the library's error-plus-full-help block; --help still gives the details.
            var messages = string.Join("; ", parsed.Errors.Select(e => string.Join(' ', e.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
            stderr.WriteLine($"avaolo: {messages} (see `avaolo {parsed.CommandResult.Command.Name} --help`)");
            return Task.FromResult(ExitCodes.InvalidInput);
        }
        return parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
