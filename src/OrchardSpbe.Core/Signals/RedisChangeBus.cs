using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OrchardSpbe.Signals;

/// <summary>
/// Several nodes: a change applies here at once, is written to the host store's change log and published on a
/// Redis channel; the other nodes apply it when the message arrives (milliseconds on a LAN), re-reading the shared
/// PostgreSQL store. Each node also reads the log every <see cref="PollInterval"/>, so with Redis down (issue 12) a
/// change still arrives within seconds and nodes keep serving; when Redis returns, messages resume by themselves.
/// A change is applied once per node, whichever road brings it first.
/// </summary>
public sealed class RedisChangeBus(
    IConnectionMultiplexer redis,
    HostChangeApplier applier,
    HostChangeLog log,
    IOptions<SpbeOptions> options,
    ILogger<RedisChangeBus> logger) : IChangeBus, IHostedService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Redis.Prefix + ":host-changes");
    private readonly ConcurrentDictionary<long, byte> _applied = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _cursor;
    private Task? _polling;

    public async Task PublishAsync(HostChange change)
    {
        await applier.ApplyAsync(change);
        var seq = await log.AppendAsync(_nodeId, change);
        try
        {
            var message = JsonSerializer.Serialize(new Envelope(_nodeId, change.Kind, change.Tenant, seq));
            await redis.GetSubscriber().PublishAsync(_channel, message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The other nodes read it from the log instead.
            logger.LogWarning("Redis unavailable, host change {Seq} goes by the change log: {Error}", seq, exception.Message);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _cursor = await log.HeadAsync();
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
            // Ordered processing: two changes to one tenant apply in the order they were published.
            queue.OnMessage(async message =>
            {
                try
                {
                    var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
                    if (envelope is null || envelope.Node == _nodeId) return;
                    await ApplyOnceAsync(envelope.Seq, new HostChange(envelope.Kind, envelope.Tenant));
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Could not apply a host change from Redis");
                }
            });
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // StackExchange.Redis subscribes again on reconnect only for subscriptions it knows; the log covers meanwhile.
            logger.LogWarning("Redis unavailable at start; host changes come by the change log until it returns: {Error}", exception.Message);
        }
        _polling = PollAsync(_stopping.Token);
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        var lastPrune = DateTimeOffset.UtcNow;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                foreach (var logged in await log.ReadAfterAsync(_cursor))
                {
                    if (logged.Node != _nodeId) await ApplyOnceAsync(logged.Seq, logged.Change);
                    _cursor = logged.Seq;
                }
                foreach (var seq in _applied.Keys.Where(s => s <= _cursor - 10_000)) _applied.TryRemove(seq, out _);
                if (DateTimeOffset.UtcNow - lastPrune > TimeSpan.FromHours(1))
                {
                    lastPrune = DateTimeOffset.UtcNow;
                    await log.PruneAsync();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not read the host change log");
            }
        }
    }

    private async Task ApplyOnceAsync(long seq, HostChange change)
    {
        if (seq > 0 && !_applied.TryAdd(seq, 0)) return;
        await applier.ApplyAsync(change);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_polling is not null)
        {
            try { await _polling; } catch (OperationCanceledException) { }
        }
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(_channel);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Going down anyway.
        }
    }

    private sealed record Envelope(string Node, HostChangeKind Kind, string Tenant, long Seq);
}
