namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// Trains the intent model in the background as the service starts, so the first offline question does not wait for it
/// (about a second on two cores, several on a quarter of a CPU). Start-up does not wait either: a question that comes
/// first simply waits for the training already under way.
/// </summary>
public sealed class IntentModelWarmUp(ILogger<IntentModelWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var model = Trained.Model;
        logger.LogInformation("Intent model trained: {Labels} intents", model.Labels.Count);
    }, stoppingToken);
}
