namespace AvaOlo.Data.Entities;

/// <summary>
/// An agronomist's correction kept as knowledge: the answer to a question, for one farmer, one country or everyone
/// (PRODUCT.md's FARMER → COUNTRY → GLOBAL). The assistant gives it for the next similar question and cites it.
/// </summary>
public sealed class KnowledgeEntry
{
    public long Id { get; set; }
    /// <summary>farmer, country or global (<see cref="KnowledgeScopes"/>).</summary>
    public required string Scope { get; set; }
    /// <summary>Set for the farmer scope only.</summary>
    public int? FarmerId { get; set; }
    /// <summary>Set for the country scope only.</summary>
    public string? CountryCode { get; set; }
    /// <summary>The farmer's question this entry answers, as asked.</summary>
    public required string Question { get; set; }
    /// <summary>The question's word stems (<see cref="Knowledge.KnowledgeText.Stems"/>): what the lookup matches on.</summary>
    public string[] QuestionStems { get; set; } = [];
    public required string Answer { get; set; }
    /// <summary>The answer's language (ISO 639-1).</summary>
    public required string Language { get; set; }
    /// <summary>The agronomist's user name.</summary>
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The reviewed exchange the correction was made on.</summary>
    public long? ConversationId { get; set; }
    /// <summary>Set when a newer entry for the same question and scope replaces it, or an agronomist retires it.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

public static class KnowledgeScopes
{
    public const string Farmer = "farmer";
    public const string Country = "country";
    public const string Global = "global";
    /// <summary>Narrowest first: the order in which the assistant prefers entries.</summary>
    public static readonly string[] All = [Farmer, Country, Global];
}
