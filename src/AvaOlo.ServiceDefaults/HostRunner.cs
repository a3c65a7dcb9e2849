using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults;

public static class HostRunner
{
    /// <summary>Runs the app; a bad setting ends the process with one clear line and exit code 2, not a stack trace.</summary>
    public static async Task<int> RunAsync(WebApplication app, string service, TextWriter? stderr = null)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            await (stderr ?? Console.Error).WriteLineAsync($"{service}: configuration error: {string.Join("; ", failures)}");
            return 2;
        }
    }

    /// <summary>ValidateOnStart throws one OptionsValidationException, or an AggregateException of them when several options are bad.</summary>
    public static IReadOnlyList<string> Failures(Exception e) => e switch
    {
        OptionsValidationException o => o.Failures.ToList(),
        AggregateException a when a.InnerExceptions.All(x => x is OptionsValidationException) => a.InnerExceptions.SelectMany(Failures).ToList(),
        _ => [],
    };
}
