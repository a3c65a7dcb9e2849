namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>Work the farmer reported, as understood, to be recorded once they confirm (pending_actions.payload).</summary>
public sealed record RecordTaskProposal(string Type, int[] FieldIds, string[] FieldNames, int? MaterialId, string? MaterialName, decimal? Dose,
    string? Unit, DateOnly DoneOn);

/// <summary>A task to delete once the farmer confirms.</summary>
public sealed record DeleteTaskProposal(int TaskId);
