namespace OrchardSpbe.Testing;

/// <summary>
/// The host's clock set to a chosen moment from which it runs on in real time, so a test can live the last week of
/// a month and the days after it. A real clock, only displaced: timers and background tasks run as they would.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _start = DateTimeOffset.UtcNow;
    private DateTimeOffset _setAt = DateTimeOffset.UtcNow;

    public void Set(DateTimeOffset now)
    {
        _setAt = DateTimeOffset.UtcNow;
        _start = now;
    }

    public override DateTimeOffset GetUtcNow() => _start + (DateTimeOffset.UtcNow - _setAt);
}
