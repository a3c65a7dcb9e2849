using System.Globalization;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>GET /api/v1/farmer/{id}/export[?format=zip]: everything we hold about the farmer (GDPR art. 15 and 20).</summary>
internal static class ExportEndpoint
{
    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        int id, [FromQuery] string? format, AvaOloDbContext db, NpgsqlDataSource data, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var zip = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "zip" => true,
            _ => (bool?)null,
        };
        if (zip is null) return new Errors().Add("format", "must be json (the default) or zip").ToProblem();
        if (!await DataSubject.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);

        // Personal data: no shared cache or proxy may keep a copy.
        http.Response.Headers.CacheControl = "no-store";
        var now = clock.GetUtcNow();
        var file = $"ava-olo-farmer-{id.ToString(CultureInfo.InvariantCulture)}-{now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        // The request's own token: the body is written after this handler returns.
        var aborted = http.RequestAborted;
        return zip.Value
            ? TypedResults.Stream(body => ExportWriter.WriteZipAsync(data, id, body, aborted), "application/zip", file + ".zip")
            : TypedResults.Stream(body => ExportWriter.WriteJsonAsync(data, id, now, body, aborted), "application/json; charset=utf-8", file + ".json");
    }
}
