namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>Work the farmer reported, as understood, to be recorded once they confirm (pending_actions.payload).</summary>
public sealed record RecordTaskProposal(string Type, int[] FieldIds, string[] FieldNames, int? MaterialId, string? MaterialName, decimal? Dose,
    string? Unit, DateOnly DoneOn);

/// <summary>A field's location (its centroid) to set once the farmer confirms, e.g. from a WhatsApp location pin.</summary>
public sealed record SetLocationProposal(int FieldId, string FieldName, double Latitude, double Longitude);

/// <summary>A task to delete once the farmer confirms.</summary>
public sealed record DeleteTaskProposal(int TaskId);
