using AvaOlo.Testing;

namespace AvaOlo.Cli.Tests;

/// <summary>One in-process run of the CLI with its exit code and captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env, string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr, env ?? new Dictionary<string, string>(), new StringReader(stdin));
        return new(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(TestDatabase db, params string[] args) => RunAsync(db.Environment(), "", args);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Err}";
}
