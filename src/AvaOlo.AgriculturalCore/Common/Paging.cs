namespace AvaOlo.AgriculturalCore.Common;

/// <summary>One page of a list; `total` counts every match, not just this page.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Far beyond any list we hold, and small enough that the offset, (page - 1) × page_size, always fits an int:
    /// page = int.MaxValue used to overflow it into a negative OFFSET and a 500.
    /// </summary>
    public const int MaxPage = 1_000_000;

    public static void Validate(Errors errors, int? page, int? pageSize)
    {
        if (page is < 1 or > MaxPage) errors.Add("page", $"must be between 1 and {MaxPage}");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("page_size", $"must be between 1 and {MaxPageSize}");
    }

    /// <summary>The rows to skip for a validated page; checked, so a missed validation fails loudly rather than wrapping.</summary>
    public static int Offset(int page, int pageSize) => checked((page - 1) * pageSize);
}
