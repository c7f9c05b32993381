using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OrchardSpbe.Signals;

/// <summary>
/// Several nodes: a change applies here at once and is published on a Redis channel; the other nodes
/// apply it when the message arrives (milliseconds on a LAN), re-reading the shared PostgreSQL store.
/// </summary>
public sealed class RedisChangeBus(
    IConnectionMultiplexer redis,
    HostChangeApplier applier,
    IOptions<SpbeOptions> options,
    ILogger<RedisChangeBus> logger) : IChangeBus, IHostedService
{
    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Redis.Prefix + ":host-changes");

    public async Task PublishAsync(HostChange change)
    {
        await applier.ApplyAsync(change);
        var message = JsonSerializer.Serialize(new Envelope(_nodeId, change.Kind, change.Tenant));
        await redis.GetSubscriber().PublishAsync(_channel, message);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        // Ordered processing: two changes to one tenant apply in the order they were published.
        queue.OnMessage(async message =>
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
                if (envelope is null || envelope.Node == _nodeId) return;
                await applier.ApplyAsync(new HostChange(envelope.Kind, envelope.Tenant));
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Could not apply a host change from Redis");
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().UnsubscribeAsync(_channel);

    private sealed record Envelope(string Node, HostChangeKind Kind, string Tenant);
}
