namespace AvaOlo.Data;

/// <summary>Who is changing records in this unit of work; scoped per request and set by authentication.</summary>
public sealed class AuditActor
{
    public static readonly AuditActor System = new() { Type = "system", Name = "system" };

    public string Type { get; set; } = "anonymous";
    public string? Id { get; set; }
    public string? Name { get; set; }
}
