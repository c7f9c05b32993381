namespace OrchardSpbe.Hosting;

/// <summary>
/// Completes when the node has answered its first request. Issue 17: the background schedule's first pass (up to
/// 1,000 tenants' catch-up) waits for it, so that work does not compete with the portal's first page for the cores.
/// </summary>
public sealed class FirstResponse
{
    private readonly TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Served => _served.Task;

    public void Mark()
    {
        if (!_served.Task.IsCompleted) _served.TrySetResult();
    }
}
