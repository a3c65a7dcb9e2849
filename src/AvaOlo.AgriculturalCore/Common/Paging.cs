namespace AvaOlo.AgriculturalCore.Common;

/// <summary>One page of a list; `total` counts every match, not just this page.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static void Validate(Errors errors, int? page, int? pageSize)
    {
        if (page is < 1) errors.Add("page", "must be 1 or more");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("page_size", $"must be between 1 and {MaxPageSize}");
    }
}
