namespace AvaOlo.Data;

/// <summary>The NOTIFY channel on which the api_keys triggers (migration ApiKeyChangeNotify) announce changed keys.</summary>
public static class ApiKeyChanges
{
    public const string Channel = "avaolo_api_keys";

    /// <summary>The payload after a TRUNCATE: every key may have changed.</summary>
    public const string All = "*";
}
