using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>Route × caller: the farmer's own key and admin keys only; another farmer's key learns nothing (404).</summary>
public sealed class DataRightsAccessTests(TestDatabase database) : ApiTestBase(database)
{
    private enum Who { Anonymous, FarmerA, FarmerB, Reader, Writer, Admin }

    /// <summary>A route on farmer A, whether it needs a scheduled erasure first, and the status per caller (in Who's order).</summary>
    private sealed record Row(string Method, string Path, bool NeedsScheduled, int[] Expected);

    private IEnumerable<Row> Rows() =>
    [
        new("GET", $"/api/v1/farmer/{W.A.Id}/export", false, [401, 200, 404, 403, 403, 200]),
        new("GET", $"/api/v1/farmer/{W.A.Id}/export?format=zip", false, [401, 200, 404, 403, 403, 200]),
        new("GET", $"/api/v1/farmer/{W.A.Id}/erasure", true, [401, 200, 404, 403, 403, 200]),
        new("DELETE", $"/api/v1/farmer/{W.A.Id}?erase=true", false, [401, 202, 404, 403, 403, 202]),
        new("DELETE", $"/api/v1/farmers/{W.A.Id}?erase=true", false, [401, 202, 404, 403, 403, 202]),
        new("DELETE", $"/api/v1/farmer/{W.A.Id}/erasure", true, [401, 200, 404, 403, 403, 200]),
    ];

    [Fact]
    public async Task Every_data_rights_route_gives_each_kind_of_caller_exactly_the_expected_status()
    {
        var keys = new Dictionary<Who, string?>
        {
            [Who.Anonymous] = null, [Who.FarmerA] = W.KeyA, [Who.FarmerB] = W.KeyB, [Who.Reader] = W.ReadOnlyKey, [Who.Writer] = W.WriterKey, [Who.Admin] = W.AdminKey,
        };
        var failures = new List<string>();
        foreach (var row in Rows())
            foreach (var who in Enum.GetValues<Who>())
            {
                await ResetErasuresAsync();
                if (row.NeedsScheduled) (await Admin.DeleteAsync($"/api/v1/farmer/{W.A.Id}?erase=true")).EnsureSuccessStatusCode();
                using var client = Factory.Client(keys[who]);
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(row.Method), row.Path));
                var body = await response.Content.ReadAsStringAsync();
                var expected = row.Expected[(int)who];
                if ((int)response.StatusCode != expected) failures.Add($"{row.Method} {row.Path} as {who}: expected {expected}, got {(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                else if (expected >= 400 && expected != 401 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{row.Method} {row.Path} as {who}: {expected} without problem details");
                if (who == Who.FarmerB && (body.Contains(W.A.Name, StringComparison.Ordinal) || body.Contains(W.A.Phone, StringComparison.Ordinal)))
                    failures.Add($"{row.Method} {row.Path} as B shows A's identity");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_bad_format_is_refused_naming_the_field() =>
        await HttpAssert.FieldError(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/export?format=xml"), "format");

    private async Task ResetErasuresAsync()
    {
        await using var db = Database.CreateContext();
        await db.ErasureRequests.ExecuteDeleteAsync();
    }
}
