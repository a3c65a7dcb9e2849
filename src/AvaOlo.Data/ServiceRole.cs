using System.Text.RegularExpressions;

namespace AvaOlo.Data;

/// <summary>
/// The login the services use (DB_APP_USER / DB_APP_PASSWORD, given to <c>avaolo migrate</c>): a plain role with
/// SELECT/INSERT/UPDATE/DELETE on the tables and nothing else, so that a bug or an injected statement in a service
/// can never drop, alter or truncate anything. The owner (DB_USER of the migration) keeps every schema change.
/// </summary>
public sealed partial record ServiceRole(string User, string? Password)
{
    /// <summary>PostgreSQL folds unquoted names to lower case; a plain lower-case name needs no quoting anywhere.</summary>
    public const string NameRule = "1–63 lower-case letters, digits or _, not starting with a digit";

    public const int MinPasswordLength = 16;

    /// <summary>Null when DB_APP_USER is not set (the migration then grants nothing); errors name the variable.</summary>
    public static ServiceRole? FromConfiguration(Func<string, string?> get, string? ownerUser, out IReadOnlyList<string> errors)
    {
        var user = Trimmed(get("DB_APP_USER"));
        var password = get("DB_APP_PASSWORD") is { Length: > 0 } p ? p : null;
        var problems = new List<string>();
        if (user is null)
        {
            if (password is not null) problems.Add("DB_APP_PASSWORD is set but DB_APP_USER is not (the services' role name)");
            errors = problems;
            return null;
        }
        if (!Name().IsMatch(user)) problems.Add($"DB_APP_USER must be {NameRule}");
        if (string.Equals(user, ownerUser, StringComparison.Ordinal))
            problems.Add("DB_APP_USER must differ from DB_USER: the services' role may not own the schema");
        if (password is not null && (password.Length is < MinPasswordLength or > 128 || password.Any(c => c is < ' ' or > '~')))
            problems.Add($"DB_APP_PASSWORD must be {MinPasswordLength}–128 printable ASCII characters");
        errors = problems;
        return problems.Count == 0 ? new ServiceRole(user, password) : null;
    }

    /// <summary>Never the password (records print every property).</summary>
    public override string ToString() => User;

    private static string? Trimmed(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Name();
}
