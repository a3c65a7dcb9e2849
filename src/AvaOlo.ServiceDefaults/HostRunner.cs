using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults;

public static class HostRunner
{
    /// <summary>Runs the app; a bad setting ends the process with one clear line and exit code 2, not a stack trace.</summary>
    public static async Task<int> RunAsync(WebApplication app, string service)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"{service}: configuration error: {string.Join("; ", e.Failures)}");
            return 2;
        }
    }
}
