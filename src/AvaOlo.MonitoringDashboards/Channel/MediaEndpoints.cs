using System.Globalization;
using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Channel;

/// <summary>
/// GET /agronomic/media/{conversation id}: the voice note or photo of a WhatsApp exchange, streamed from the provider
/// that holds it, for agronomists and admins (the workbench's readers). The id is checked against the stored exchange,
/// never trusted: an exchange without media, or whose farmer was erased, is 404.
/// </summary>
public static class MediaEndpoints
{
    public const string Route = "/agronomic/media";

    public static string Link(long conversationId) => $"{Route}/{conversationId.ToString(CultureInfo.InvariantCulture)}";

    public static IServiceCollection AddChannelMedia(this IServiceCollection services)
    {
        services.AddSettings<ChannelMediaOptions>(o => o.Validate());
        services.AddHttpClient(ProviderMedia.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ProviderMedia>();
        return services;
    }

    public static IEndpointRouteBuilder MapChannelMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route + "/{id}", OpenAsync).RequireAuthorization(Policies.Agronomic);
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> OpenAsync(string id, HttpContext http, NpgsqlDataSource data,
        ProviderMedia media, ILoggerFactory logs, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId) || conversationId <= 0)
            return TypedResults.Problem(statusCode: 400, title: "Invalid id", detail: "id must be an exchange id (a positive whole number)",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["id"] = ["must be a positive whole number"] } });
        var stored = (await Sql.ListAsync(data, """
            SELECT i.provider, i.media_ref, i.media_type FROM whatsapp_inbox i
            JOIN conversations c ON c.id = i.conversation_id LEFT JOIN farmers f ON f.id = c.farmer_id
            WHERE i.conversation_id = $1 AND i.media_ref IS NOT NULL AND f.deleted_at IS NULL ORDER BY i.id LIMIT 1
            """, r => (Provider: r.GetString(0), Ref: r.GetString(1), Type: r.NullableString(2)), ct, conversationId)).FirstOrDefault();
        if (stored.Ref is null)
            return TypedResults.Problem(statusCode: 404, title: "No media", detail: $"exchange {conversationId} has no voice note or photo");
        MediaAnswer answer;
        try { answer = await media.OpenAsync(stored.Provider, stored.Ref, ct); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            answer = new MediaAnswer.Refused(502, "Media not available from the provider", e is TaskCanceledException ? "the provider did not answer within 30 s" : "the provider is unreachable");
        }
        if (answer is MediaAnswer.Refused refused) return TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail);
        var found = (MediaAnswer.Found)answer;
        http.Response.RegisterForDispose(found.Response);
        logs.CreateLogger("AvaOlo.MonitoringDashboards.Channel.Media")
            .LogInformation("{User} opened the media of exchange {ConversationId}", http.User.Identity?.Name, conversationId);
        http.Response.Headers.CacheControl = "private, no-store";
        var type = SafeType(found.MimeType, stored.Type);
        var stream = await found.Response.Content.ReadAsStreamAsync(ct);
        // Only media types a browser plays or shows inline; anything else (HTML, SVG with script…) is a download.
        return type is null
            ? TypedResults.Stream(stream, "application/octet-stream", $"media-{conversationId}")
            : TypedResults.Stream(stream, type);
    }

    /// <summary>The provider's (else the stored) type when it is audio, video or a raster image; null otherwise.</summary>
    public static string? SafeType(string? provider, string? stored) =>
        new[] { provider, stored }.FirstOrDefault(t => t is not null && t != "application/octet-stream") is { } t
        && (t.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || t.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !t.Contains("svg", StringComparison.OrdinalIgnoreCase)))
            ? t.ToLowerInvariant() : null;
}
