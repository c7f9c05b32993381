using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;

namespace OrchardSpbe.Datasets.Sharing;

/// <summary>At the walidata: another PD asks for a dataset; its data officers are told.</summary>
public sealed class ShareRequestReceivedHandler : IHandoverHandler
{
    public string Kind => ShareRequests.RequestKind;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<RequestPayload>(message.Payload, HandoverOutbox.Json)!;
        var found = await services.GetRequiredService<DatasetDirectory>().FindAsync(payload.DatasetName);
        var dataset = found is { Published: true } ? found.Value.Dataset : null;
        await services.GetRequiredService<ShareRequests>().ReceiveAsync(message.From, payload, dataset);
        if (dataset is null) return;
        var officers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StandardRoles.Administrator, "DataOfficer"]);
        await services.GetRequiredService<INotifier>().NotifyAsync(officers.Select(o => o.UserName).Distinct().ToList(), new Notification(
            $"Permintaan data: {dataset.Title}",
            $"{message.From} meminta akses ke dataset \"{dataset.Title}\" untuk {payload.Start:yyyy-MM-dd} s.d. {payload.End:yyyy-MM-dd}. Tujuan: {payload.Purpose}",
            $"/admin/permintaan-data/{payload.Id}"));
    }
}

/// <summary>At the requester: the walidata decided; whoever asked is told.</summary>
public sealed class ShareDecisionReceivedHandler : IHandoverHandler
{
    public string Kind => ShareRequests.DecisionKind;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var decision = JsonSerializer.Deserialize<DecisionPayload>(message.Payload, HandoverOutbox.Json)!;
        var requests = services.GetRequiredService<ShareRequests>();
        var request = await requests.FindAsync(decision.Id);
        await requests.ApplyDecisionAsync(decision);
        if (request is null) return;
        await services.GetRequiredService<INotifier>().NotifyAsync([request.RequestedBy], new Notification(
            decision.Approved ? $"Permintaan data disetujui: {request.DatasetName}" : $"Permintaan data ditolak: {request.DatasetName}",
            decision.Approved
                ? $"{message.From} memberi akses sampai {decision.GrantUntil:yyyy-MM-dd}."
                : $"{message.From} menolak: {RefusalReasons.LabelOf(decision.ReasonCode)} {decision.ReasonText}",
            $"/admin/permintaan-data/{decision.Id}"));
    }
}

/// <summary>At the portal: a refusal without an accepted reason, for Diskominfostandi's board (003 Pasal 19(2)a).</summary>
public sealed class ShareRefusalFlaggedHandler : IHandoverHandler
{
    public string Kind => ShareRequests.FlagKind;

    public Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ShareRequests>().FlagAsync(message.From, JsonSerializer.Deserialize<FlagPayload>(message.Payload, HandoverOutbox.Json)!);
}
