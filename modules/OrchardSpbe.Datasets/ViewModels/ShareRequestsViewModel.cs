using OrchardSpbe.Datasets.Sharing;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.ViewModels;

public sealed class ShareRequestForm
{
    public string? Walidata { get; set; }
    public string? Dataset { get; set; }
    public string? Purpose { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
}

public sealed class ShareDecisionForm
{
    /// <summary>"setujui" or "tolak".</summary>
    public string? Decision { get; set; }
    public string? Reason { get; set; }
    public string? ReasonText { get; set; }
}

public sealed record ShareRequestsViewModel(IReadOnlyList<ShareRequest> Outgoing, IReadOnlyList<ShareRequest> Incoming, ShareRequestForm Form,
    IReadOnlyList<TenantRecord> Pds, DateTimeOffset Now);

public sealed record ShareRequestDetailViewModel(ShareRequest Request, IReadOnlyList<ShareEvent> History, ShareDecisionForm Form, DateTimeOffset Now, TenantRecord? Walidata);
