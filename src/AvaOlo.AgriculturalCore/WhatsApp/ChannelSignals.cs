namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>
/// Wakes this instance's workers when there may be work (a NOTIFY from any instance, or local work). A missed wake-up
/// only delays: the workers also poll.
/// </summary>
public sealed class ChannelSignals
{
    public Signal Inbox { get; } = new();
    public Signal Outbox { get; } = new();

    public sealed class Signal
    {
        private readonly SemaphoreSlim _set = new(0, 1);

        public void Raise()
        {
            try { _set.Release(); } catch (SemaphoreFullException) { } // already raised: one wake-up covers both
        }

        /// <summary>True when raised, false when <paramref name="poll"/> passed first.</summary>
        public Task<bool> WaitAsync(TimeSpan poll, CancellationToken ct) => _set.WaitAsync(poll, ct);
    }
}
