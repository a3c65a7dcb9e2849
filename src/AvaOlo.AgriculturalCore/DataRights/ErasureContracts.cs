using System.Globalization;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>An erasure request: when it was asked for, when it will run, and how to call it off until then.</summary>
public sealed record ErasureResponse(
    long Id, int FarmerId, string Status, DateTimeOffset RequestedAt, DateTimeOffset EraseAfter,
    DateTimeOffset? CancelledAt, DateTimeOffset? ExecutedAt, ErasureCancel? Cancel);

/// <summary>The request that cancels a scheduled erasure; present only while it can still be cancelled.</summary>
public sealed record ErasureCancel(string Method, string Href, DateTimeOffset Until);

public static class ErasureMapping
{
    public static string Href(int farmerId) => $"/api/v1/farmer/{farmerId.ToString(CultureInfo.InvariantCulture)}/erasure";

    public static ErasureResponse ToResponse(this ErasureRequest r) => new(
        r.Id, r.FarmerId, r.Status, r.RequestedAt, r.EraseAfter, r.CancelledAt, r.ExecutedAt,
        r.Status == ErasureStatus.Scheduled ? new ErasureCancel("DELETE", Href(r.FarmerId), r.EraseAfter) : null);
}
