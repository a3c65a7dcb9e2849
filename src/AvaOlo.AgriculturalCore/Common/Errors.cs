namespace AvaOlo.AgriculturalCore.Common;

/// <summary>Collects validation failures keyed by the snake_case field a client sent.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public Errors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(reason);
        return this;
    }

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        else MaxLength(field, value, maxLength);
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"must be at most {maxLength} characters");
        if (value is not null && value.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
            Add(field, "must not contain control characters");
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), title: "Invalid request", detail: string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
}

/// <summary>Trims and turns blank optional text into null, so "  " is never stored.</summary>
public static class Text
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
