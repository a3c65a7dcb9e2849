namespace AvaOlo.Cli;

/// <summary>Distinct codes so run.sh and deploy jobs can tell a bad setting from an unreachable database.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int InvalidSettings = 2;
    public const int DatabaseUnreachable = 3;
    public const int SchemaNotCurrent = 4;
    public const int AlreadyExists = 5;
    /// <summary>Waited and nothing came (e.g. no WhatsApp reply).</summary>
    public const int Timeout = 6;
    public const int Cancelled = 130;
}

/// <summary>An expected failure: printed as one line, no stack trace.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
