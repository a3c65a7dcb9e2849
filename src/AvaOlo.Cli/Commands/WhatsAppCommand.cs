using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data;

namespace AvaOlo.Cli.Commands;

/// <summary>
/// `avaolo whatsapp send` posts a signed Cloud API webhook (a farmer's text) to the core and prints the reply the
/// local Graph API stand-in received; `avaolo whatsapp stand-in` runs that stand-in (run.sh starts it). Settings come
/// from the environment, else from .avaolo/demo.env, where run.sh writes them.
/// </summary>
internal static class WhatsAppCommand
{
    public const string DefaultCore = "http://127.0.0.1:8080";
    public const string DefaultStandIn = "http://127.0.0.1:8082";

    public static Command Create(CliContext ctx)
    {
        var command = new Command("whatsapp", "Try the WhatsApp channel locally: send a farmer's message, or run the Cloud API stand-in.");
        command.Subcommands.Add(Send(ctx));
        command.Subcommands.Add(StandIn(ctx));
        return command;
    }

    private static Option<FileInfo> EnvFile() => new("--env-file")
    {
        Description = "KEY=VALUE file read for settings missing from the environment", DefaultValueFactory = _ => new FileInfo(".avaolo/demo.env"),
    };

    private static Command Send(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "The farmer's number in E.164, e.g. +385911234567", Required = true };
        var text = new Argument<string>("message") { Description = "What the farmer writes" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the reply", DefaultValueFactory = _ => 60 };
        var envFile = EnvFile();
        var command = new Command("send", "Post a signed WhatsApp Cloud API webhook to the core (AVAOLO_CORE_URL) and print the reply the stand-in " +
            "(WHATSAPP_STANDIN_URL) received. Needs WHATSAPP_APP_SECRET and WHATSAPP_PHONE_NUMBER_ID.") { from, text, timeout, envFile };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Settings(ctx, parse.GetValue(envFile)!);
            var secret = settings["WHATSAPP_APP_SECRET"];
            var phoneNumberId = settings["WHATSAPP_PHONE_NUMBER_ID"];
            if (secret is null || phoneNumberId is null)
                return Fail(ctx, ExitCodes.InvalidSettings, $"{(secret is null ? "WHATSAPP_APP_SECRET" : "WHATSAPP_PHONE_NUMBER_ID")} is not set: run ./run.sh (it writes them to .avaolo/demo.env) or export them");
            var phone = Phones.Parse(parse.GetValue(from));
            if (!phone.IsValid) return Fail(ctx, ExitCodes.InvalidInput, $"--from {phone.Error}");
            var message = parse.GetValue(text) ?? "";
            if (string.IsNullOrWhiteSpace(message)) return Fail(ctx, ExitCodes.InvalidInput, "the message is empty");
            var core = new Uri(settings["AVAOLO_CORE_URL"] ?? DefaultCore);
            var standIn = new Uri(settings["WHATSAPP_STANDIN_URL"] ?? DefaultStandIn);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var wamid = CloudApiPayloads.NewMessageId();
            var notification = CloudApiPayloads.Text(phoneNumberId, phone.E164!, wamid, message, ctx.Clock.GetUtcNow());
            try
            {
                using var response = await CloudApiStandIn.PostSignedAsync(http, new Uri(core, "/api/v1/whatsapp/webhook"), secret, notification);
                if (!response.IsSuccessStatusCode)
                    return Fail(ctx, ExitCodes.InvalidInput, $"the core answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (HttpRequestException e)
            {
                return Fail(ctx, ExitCodes.DatabaseUnreachable, $"the core at {core} is not reachable ({e.HttpRequestError}); is ./run.sh running?");
            }
            ctx.Progress($"sent {wamid} from {phone.E164} to {core}; waiting up to {parse.GetValue(timeout)} s for the reply at {standIn}");
            var replies = await WaitForRepliesAsync(http, standIn, wamid, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
            if (replies is null) return Fail(ctx, ExitCodes.DatabaseUnreachable, $"the stand-in at {standIn} is not reachable; is ./run.sh running with the local stand-in?");
            if (replies.Count == 0)
                return Fail(ctx, ExitCodes.Timeout, $"no reply reached the stand-in within {parse.GetValue(timeout)} s; the core's log says why (GET {core}health shows the channel)");
            foreach (var reply in replies) ctx.Out.WriteLine(reply);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The texts the stand-in received in answer to <paramref name="wamid"/>; null when it cannot be reached.</summary>
    private static async Task<List<string>?> WaitForRepliesAsync(HttpClient http, Uri standIn, string wamid, TimeSpan within, CancellationToken ct)
    {
        var until = DateTime.UtcNow + within;
        var seen = 0;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < until)
        {
            List<JsonElement> found;
            try { found = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(standIn, $"/_standin/messages?reply_to={Uri.EscapeDataString(wamid)}"), ct) ?? []; }
            catch (HttpRequestException) { return null; }
            if (found.Count != seen) (seen, quietSince) = (found.Count, DateTime.UtcNow);
            // A long answer comes in parts: wait until no new part has come for a second.
            if (seen > 0 && DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(1))
                return found.Select(f => f.GetProperty("text").GetString() ?? "").ToList();
            await Task.Delay(200, ct);
        }
        return [];
    }

    private static Command StandIn(CliContext ctx)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (127.0.0.1)", DefaultValueFactory = _ => 8082 };
        var webhook = new Option<string?>("--webhook") { Description = "The core's webhook, for delivery statuses (default AVAOLO_CORE_URL + /api/v1/whatsapp/webhook)" };
        var envFile = EnvFile();
        var command = new Command("stand-in", "Run a local stand-in for Meta's WhatsApp Cloud API (Graph API messages endpoint) until Ctrl-C. Needs " +
            "WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_APP_SECRET; give the core WHATSAPP_GRAPH_URL as printed.") { port, webhook, envFile };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Settings(ctx, parse.GetValue(envFile)!);
            string[] names = ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET"];
            if (names.FirstOrDefault(n => settings[n] is null) is { } missing) return Fail(ctx, ExitCodes.InvalidSettings, $"{missing} is not set");
            var hook = parse.GetValue(webhook) ?? (settings["AVAOLO_CORE_URL"] ?? DefaultCore).TrimEnd('/') + "/api/v1/whatsapp/webhook";
            await using var standIn = await CloudApiStandIn.StartAsync(settings[names[0]]!, settings[names[1]]!, settings[names[2]]!,
                $"http://127.0.0.1:{parse.GetValue(port)}");
            standIn.Webhook = new Uri(hook);
            ctx.Out.WriteLine($"WHATSAPP_GRAPH_URL={standIn.GraphUrl}");
            ctx.Out.Flush();
            ctx.Progress($"WhatsApp Cloud API stand-in listening; statuses go to {hook}; Ctrl-C stops it");
            // run.sh stops it with SIGTERM, a terminal with Ctrl-C: either ends the wait and disposes the server.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Fail(CliContext ctx, int code, string message)
    {
        ctx.Err.WriteLine($"avaolo: {message}");
        return code;
    }

    /// <summary>The environment first, then the demo file.</summary>
    private sealed class Settings(CliContext ctx, FileInfo file)
    {
        private readonly Dictionary<string, string> _file = DemoFile.Read(file.FullName);

        public string? this[string name] => ctx.Env(name) is { Length: > 0 } v ? v : _file.GetValueOrDefault(name) is { Length: > 0 } f ? f : null;
    }
}
