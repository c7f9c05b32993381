using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Handover;

namespace OrchardSpbe.Programmers.Competency;

/// <summary>On the portal: a PD's staff and needs arrive; the city's gap table follows at once.</summary>
public sealed class CompetencySnapshotHandler : IHandoverHandler
{
    public string Kind => CompetencyHandoverKinds.Snapshot;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<CompetencyMap>().ApplySnapshotAsync(message.From,
            JsonSerializer.Deserialize<CompetencySnapshot>(message.Payload, HandoverOutbox.Json)!);
}
