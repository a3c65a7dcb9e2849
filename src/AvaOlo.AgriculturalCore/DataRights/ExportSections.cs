namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>One table (or view of one) in an export: its name in the JSON document and as "&lt;name&gt;.csv" in the zip.</summary>
/// <param name="Sql">Reads the farmer's rows; $1 is the farmer id.</param>
/// <param name="Single">The farmer row: a JSON object rather than an array.</param>
/// <param name="Withheld">Columns that name someone else (our staff), left out: GDPR art. 15(4).</param>
internal sealed record ExportSection(string Name, string Sql, bool Single = false, string[]? Withheld = null);

/// <summary>
/// Everything we hold about a farmer. Rows are read with SELECT * on purpose: a column added later is exported without
/// anyone remembering to add it here. The one exception is api_keys, whose secret hash is never exported (byte columns
/// are skipped everywhere, too). Staff identities are withheld: the agronomist who reviewed an answer, and the names of
/// the keys in the audit trail (their ids stay, and the farmer's own keys are in api_keys). A table that gains a farmer_id column must be added here and to the erasure:
/// ExportTests and ErasureTests list the database's tables and fail when one is missing.
/// </summary>
internal static class ExportSections
{
    private static readonly ExportSection Farmer = new("farmer", "SELECT * FROM farmers WHERE id = $1", Single: true);
    private static readonly ExportSection Fields = new("fields", "SELECT * FROM fields WHERE farmer_id = $1 ORDER BY id");
    private static readonly ExportSection Plantings = new("plantings", "SELECT * FROM plantings WHERE farmer_id = $1 ORDER BY id");
    private static readonly ExportSection Conversations = new("conversations", "SELECT * FROM conversations WHERE farmer_id = $1 ORDER BY id",
        Withheld: ["reviewed_by"]);
    // A model call belongs to the farmer directly or through one of their conversations.
    private static readonly ExportSection ModelCalls = new("model_calls",
        "SELECT * FROM llm_debug_log WHERE farmer_id = $1 OR conversation_id IN (SELECT id FROM conversations WHERE farmer_id = $1) ORDER BY id");
    private static readonly ExportSection Consents = new("consents", "SELECT * FROM consents WHERE farmer_id = $1 ORDER BY id");
    private static readonly ExportSection Audit = new("audit_log", "SELECT * FROM audit_log WHERE farmer_id = $1 ORDER BY id", Withheld: ["actor_name"]);
    private static readonly ExportSection ApiKeys = new("api_keys",
        "SELECT id, name, prefix, scopes, farmer_id, created_at, last_used_at, revoked_at, expires_at FROM api_keys WHERE farmer_id = $1 ORDER BY id");
    // Agronomist knowledge kept for this farmer alone; the agronomist's name is staff identity.
    private static readonly ExportSection Knowledge = new("knowledge_entries", "SELECT * FROM knowledge_entries WHERE farmer_id = $1 ORDER BY id",
        Withheld: ["created_by"]);
    private static readonly ExportSection Erasures = new("erasure_requests", "SELECT * FROM erasure_requests WHERE farmer_id = $1 ORDER BY id");
    private static readonly ExportSection Proposals = new("pending_actions", "SELECT * FROM pending_actions WHERE farmer_id = $1 ORDER BY id");
    // The daily model budget counts a farmer as the subject "farmer:<id>".
    private static readonly ExportSection ModelUsage = new("model_usage_days",
        "SELECT * FROM model_usage_days WHERE subject = 'farmer:' || $1::text ORDER BY day");
    // WhatsApp messages are the farmer's by the farmer link or by their number (a message stored before the number was
    // known to be theirs has no farmer_id); our answers are theirs by recipient.
    private static readonly ExportSection WhatsAppReceived = new("whatsapp_inbox",
        $"SELECT * FROM whatsapp_inbox WHERE {WhatsAppOf.Inbox} ORDER BY id");
    private static readonly ExportSection WhatsAppSent = new("whatsapp_outbox",
        $"SELECT * FROM whatsapp_outbox WHERE {WhatsAppOf.Outbox} ORDER BY id");
    // The number's onboarding and opt-out state: by the farmer link or by their number (an opt-out before registering).
    private static readonly ExportSection WhatsAppContact = new("whatsapp_contacts",
        $"SELECT * FROM whatsapp_contacts WHERE {WhatsAppOf.Contact} ORDER BY id");

    /// <summary>The JSON document nests each task's field ids and materials, as the tasks API shows them.</summary>
    public static readonly IReadOnlyList<ExportSection> Json =
    [
        Farmer, Fields, Plantings,
        new("tasks", """
            SELECT t.*,
                   ARRAY(SELECT tf.field_id FROM task_fields tf WHERE tf.task_id = t.id ORDER BY tf.field_id) AS field_ids,
                   (SELECT COALESCE(jsonb_agg(to_jsonb(tm) - 'task_id' ORDER BY tm.id), '[]'::jsonb)
                    FROM task_materials tm WHERE tm.task_id = t.id) AS materials
            FROM tasks t WHERE t.farmer_id = $1 ORDER BY t.id
            """),
        Conversations, ModelCalls, Knowledge, Consents, Audit, ApiKeys, Erasures, WhatsAppReceived, WhatsAppSent, WhatsAppContact, Proposals, ModelUsage,
    ];

    /// <summary>The zip has one CSV per table, so a task's fields and materials are their own files.</summary>
    public static readonly IReadOnlyList<ExportSection> Csv =
    [
        Farmer, Fields, Plantings,
        new("tasks", "SELECT * FROM tasks WHERE farmer_id = $1 ORDER BY id"),
        new("task_fields", "SELECT tf.* FROM task_fields tf JOIN tasks t ON t.id = tf.task_id WHERE t.farmer_id = $1 ORDER BY tf.task_id, tf.field_id"),
        new("task_materials", "SELECT tm.* FROM task_materials tm JOIN tasks t ON t.id = tm.task_id WHERE t.farmer_id = $1 ORDER BY tm.id"),
        Conversations, ModelCalls, Knowledge, Consents, Audit, ApiKeys, Erasures, WhatsAppReceived, WhatsAppSent, WhatsAppContact, Proposals, ModelUsage,
    ];
}

/// <summary>Which WhatsApp rows are the farmer's ($1), shared by the export and the erasure.</summary>
internal static class WhatsAppOf
{
    public const string Inbox = "(farmer_id = $1 OR sender = (SELECT phone FROM farmers WHERE id = $1))";
    public const string Contact = "(farmer_id = $1 OR phone = (SELECT phone FROM farmers WHERE id = $1))";
    public const string Outbox = "(recipient = (SELECT phone FROM farmers WHERE id = $1) OR inbox_id IN (SELECT id FROM whatsapp_inbox WHERE " + Inbox + "))";
}
