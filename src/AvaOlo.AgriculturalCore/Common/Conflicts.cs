using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>Unique-index races (two requests registering one phone at once) become 409s naming the field.</summary>
public static class Conflicts
{
    public static bool IsUniqueViolation(DbUpdateException e, string constraint) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;

    public static ProblemHttpResult Problem(string field, string reason) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: $"{field}: {reason}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });
}
