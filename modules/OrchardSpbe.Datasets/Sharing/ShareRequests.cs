using System.Security.Cryptography;
using System.Text;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Handover;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Sharing;

/// <summary>
/// Data-sharing requests between PDs (003 Pasal 10(1), 19(2)a), over the inter-tenant hand-over — the one road
/// between tenants: the requester's request travels to the walidata, the walidata's decision travels back (with the
/// access token when approved), and a refusal without an accepted reason travels to the portal's board too. Each step
/// is written with its message in one transaction, so both PDs' histories always agree.
/// </summary>
public sealed class ShareRequests(TenantSession session, TenantContext tenant, HandoverOutbox outbox, AuditLog audit, TimeProvider clock)
{
    public const string RequestKind = "datasets.share-request";
    public const string DecisionKind = "datasets.share-decision";
    public const string FlagKind = "datasets.share-refusal-flag";
    public const string TokenPrefix = "spbe_akses_";

    private const string Columns = """
        id AS Id, direction AS Direction, requester AS Requester, walidata AS Walidata, dataset_name AS DatasetName, dataset_title AS DatasetTitle,
        purpose AS Purpose, period_start AS PeriodStart, period_end AS PeriodEnd, requested_by AS RequestedBy, requested_utc AS RequestedUtc,
        state AS State, decided_by AS DecidedBy, decided_utc AS DecidedUtc, reason_code AS ReasonCode, reason_text AS ReasonText,
        grant_until AS GrantUntil, access_token AS AccessToken
        """;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The requester's side: records the request and sends it to the walidata.</summary>
    public async Task<ShareRequest> RequestAsync(string walidata, string datasetName, string purpose, DateOnly start, DateOnly end, string userName)
    {
        var request = new ShareRequest(Guid.NewGuid().ToString("N"), ShareRequest.Outgoing, tenant.Name, walidata, datasetName, null, purpose,
            start, end, userName, Now, ShareRequest.Waiting, null, null, null, null, null, null);
        await using var transaction = await session.BeginTransactionAsync();
        await InsertAsync(request);
        await AddEventAsync(request.Id, userName, "diajukan", purpose);
        await outbox.SendAsync(walidata, RequestKind, request.Id, new RequestPayload(request.Id, datasetName, purpose, start, end, userName));
        await audit.RecordAsync("data-share.requested", request.Id, $"{walidata}/{datasetName}");
        await transaction.CommitAsync();
        return request;
    }

    /// <summary>The walidata's side, applying a request that arrived (inside the hand-over's transaction).</summary>
    public async Task ReceiveAsync(string from, RequestPayload payload, DatasetRecord? dataset)
    {
        if (await FindAsync(payload.Id) is not null) return;
        var request = new ShareRequest(payload.Id, ShareRequest.Incoming, from, tenant.Name, payload.DatasetName, dataset?.Title, payload.Purpose,
            payload.Start, payload.End, payload.RequestedBy, Now, ShareRequest.Waiting, null, null, null, null, null, null);
        await InsertAsync(request);
        await AddEventAsync(request.Id, $"{payload.RequestedBy} ({from})", "diajukan", payload.Purpose);
        // A dataset that does not exist (or is not published) is refused at once, with that reason, so the requester is not left waiting.
        if (dataset is null)
            await DecideAsync(request, approve: false, "belum-tersedia", "Dataset dengan nama ini tidak ada atau belum diterbitkan.", null, "sistem");
    }

    /// <summary>The walidata's decision: approve until a date within the requested period, or refuse with a reason.</summary>
    public async Task<string?> DecideAsync(ShareRequest request, bool approve, string? reasonCode, string? reasonText, DatasetRecord? dataset, string userName)
    {
        var now = Now;
        string? token = null;
        DateTimeOffset? until = null;
        await using var transaction = await session.BeginTransactionAsync();
        if (approve)
        {
            // 003 Pasal 10(1): access for the period asked, to the end of its last day (WIB), and no longer.
            until = new DateTimeOffset(request.PeriodEnd.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(7));
            token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await session.ExecuteAsync("""
                INSERT INTO ds_share_grants (request_id, dataset_id, requester, token_hash, expires_utc) VALUES (@id, @dataset, @requester, @hash, @until)
                """, new { id = request.Id, dataset = dataset!.Id, requester = request.Requester, hash = Hash(token), until = UnixTime.Ms(until.Value) });
        }
        await session.ExecuteAsync("""
            UPDATE ds_share_requests SET state = @state, decided_by = @userName, decided_utc = @now, reason_code = @reasonCode, reason_text = @reasonText, grant_until = @until
            WHERE id = @id AND state = 'menunggu'
            """, new { id = request.Id, state = approve ? ShareRequest.Approved : ShareRequest.Refused, userName, now = UnixTime.Ms(now), reasonCode, reasonText,
            until = until is null ? (long?)null : UnixTime.Ms(until.Value) });
        var note = approve ? $"berlaku sampai {until:yyyy-MM-dd}" : $"{RefusalReasons.LabelOf(reasonCode)}{(string.IsNullOrWhiteSpace(reasonText) ? "" : ": " + reasonText)}";
        await AddEventAsync(request.Id, userName, approve ? ShareRequest.Approved : ShareRequest.Refused, note);
        var decision = new DecisionPayload(request.Id, approve, reasonCode, reasonText, userName, now, until, token, dataset?.Title);
        await outbox.SendAsync(request.Requester, DecisionKind, request.Id, decision);
        // 003 Pasal 19(2)a: a refusal without an accepted reason goes to Diskominfostandi's board.
        if (!approve && !RefusalReasons.IsAccepted(reasonCode ?? ""))
            await outbox.SendAsync(TenantRecord.DefaultName, FlagKind, request.Id,
                new FlagPayload(request.Id, request.Requester, request.DatasetName, request.DatasetTitle, reasonText, userName, now));
        await audit.RecordAsync(approve ? "data-share.approved" : "data-share.refused", request.Id, note);
        await transaction.CommitAsync();
        return token;
    }

    /// <summary>The requester's side, applying the walidata's decision (inside the hand-over's transaction).</summary>
    public async Task ApplyDecisionAsync(DecisionPayload decision)
    {
        if (await FindAsync(decision.Id) is not { State: ShareRequest.Waiting }) return;
        await session.ExecuteAsync("""
            UPDATE ds_share_requests SET state = @state, decided_by = @by, decided_utc = @at, reason_code = @reasonCode, reason_text = @reasonText,
                   grant_until = @until, access_token = @token, dataset_title = COALESCE(@title, dataset_title)
            WHERE id = @id
            """, new { id = decision.Id, state = decision.Approved ? ShareRequest.Approved : ShareRequest.Refused, by = decision.DecidedBy,
            at = UnixTime.Ms(decision.DecidedUtc), reasonCode = decision.ReasonCode, reasonText = decision.ReasonText,
            until = decision.GrantUntil is { } until ? UnixTime.Ms(until) : (long?)null, token = decision.AccessToken, title = decision.DatasetTitle });
        var note = decision.Approved ? $"berlaku sampai {decision.GrantUntil:yyyy-MM-dd}"
            : $"{RefusalReasons.LabelOf(decision.ReasonCode)}{(string.IsNullOrWhiteSpace(decision.ReasonText) ? "" : ": " + decision.ReasonText)}";
        await AddEventAsync(decision.Id, decision.DecidedBy, decision.Approved ? ShareRequest.Approved : ShareRequest.Refused, note);
    }

    /// <summary>The portal's board (applying a flag that arrived).</summary>
    public Task FlagAsync(string walidata, FlagPayload flag) => session.ExecuteAsync("""
        INSERT INTO ds_share_flags (request_id, walidata, requester, dataset_name, dataset_title, reason_text, decided_by, decided_utc)
        SELECT @Id, @walidata, @Requester, @DatasetName, @DatasetTitle, @ReasonText, @DecidedBy, @decided
        WHERE NOT EXISTS (SELECT 1 FROM ds_share_flags WHERE request_id = @Id)
        """, new { flag.Id, walidata, flag.Requester, flag.DatasetName, flag.DatasetTitle, flag.ReasonText, flag.DecidedBy, decided = UnixTime.Ms(flag.DecidedUtc) });

    public async Task<IReadOnlyList<FlaggedRefusal>> FlagsAsync() =>
        (await session.QueryAsync<FlagRow>("""
            SELECT request_id AS Id, walidata AS Walidata, requester AS Requester, dataset_name AS DatasetName, dataset_title AS DatasetTitle,
                   reason_text AS ReasonText, decided_by AS DecidedBy, decided_utc AS DecidedUtc
            FROM ds_share_flags ORDER BY decided_utc DESC LIMIT 500
            """)).Select(r => new FlaggedRefusal(r.Id, r.Walidata, r.Requester, r.DatasetName, r.DatasetTitle, r.ReasonText, r.DecidedBy, UnixTime.FromMs(r.DecidedUtc))).ToList();

    public async Task<IReadOnlyList<ShareRequest>> ListAsync(string direction) =>
        (await session.QueryAsync<Row>($"SELECT {Columns} FROM ds_share_requests WHERE direction = @direction ORDER BY requested_utc DESC LIMIT 500", new { direction }))
        .Select(r => r.ToRecord()).ToList();

    public async Task<ShareRequest?> FindAsync(string id) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM ds_share_requests WHERE id = @id", new { id }))?.ToRecord();

    public async Task<IReadOnlyList<ShareEvent>> HistoryAsync(string id) =>
        (await session.QueryAsync<(long At, string Actor, string Action, string? Note)>(
            "SELECT at_utc, actor, action, note FROM ds_share_events WHERE request_id = @id ORDER BY at_utc, id", new { id }))
        .Select(e => new ShareEvent(UnixTime.FromMs(e.At), e.Actor, e.Action, e.Note)).ToList();

    /// <summary>The dataset an access token of another PD opens here, while its grant lasts; logs the use.</summary>
    public async Task<(string DatasetId, string Requester, string RequestId)?> GrantOfAsync(string token)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var now = UnixTime.Ms(Now);
        var grant = await session.QuerySingleOrDefaultAsync<(string RequestId, string DatasetId, string Requester)?>(
            "SELECT request_id, dataset_id, requester FROM ds_share_grants WHERE token_hash = @hash AND expires_utc > @now", new { hash = Hash(token), now });
        if (grant is not { } found) return null;
        await session.ExecuteAsync("UPDATE ds_share_grants SET last_used_utc = @now WHERE request_id = @id", new { now, id = found.RequestId });
        return (found.DatasetId, found.Requester, found.RequestId);
    }

    private Task InsertAsync(ShareRequest r) => session.ExecuteAsync("""
        INSERT INTO ds_share_requests (id, direction, requester, walidata, dataset_name, dataset_title, purpose, period_start, period_end,
                                       requested_by, requested_utc, state)
        VALUES (@Id, @Direction, @Requester, @Walidata, @DatasetName, @DatasetTitle, @Purpose, @start, @end, @RequestedBy, @requested, @State)
        """, new { r.Id, r.Direction, r.Requester, r.Walidata, r.DatasetName, r.DatasetTitle, r.Purpose, start = DayMs(r.PeriodStart), end = DayMs(r.PeriodEnd),
        r.RequestedBy, requested = UnixTime.Ms(r.RequestedUtc), r.State });

    private Task AddEventAsync(string requestId, string actor, string action, string? note) => session.ExecuteAsync(
        "INSERT INTO ds_share_events (request_id, at_utc, actor, action, note) VALUES (@requestId, @now, @actor, @action, @note)",
        new { requestId, now = UnixTime.Ms(Now), actor, action, note });

    private static long DayMs(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static DateOnly DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Direction { get; set; } = "";
        public string Requester { get; set; } = "";
        public string Walidata { get; set; } = "";
        public string DatasetName { get; set; } = "";
        public string? DatasetTitle { get; set; }
        public string Purpose { get; set; } = "";
        public long PeriodStart { get; set; }
        public long PeriodEnd { get; set; }
        public string RequestedBy { get; set; } = "";
        public long RequestedUtc { get; set; }
        public string State { get; set; } = "";
        public string? DecidedBy { get; set; }
        public long? DecidedUtc { get; set; }
        public string? ReasonCode { get; set; }
        public string? ReasonText { get; set; }
        public long? GrantUntil { get; set; }
        public string? AccessToken { get; set; }

        public ShareRequest ToRecord() => new(Id, Direction, Requester, Walidata, DatasetName, DatasetTitle, Purpose, DayOf(PeriodStart), DayOf(PeriodEnd),
            RequestedBy, UnixTime.FromMs(RequestedUtc), State, DecidedBy, DecidedUtc is { } d ? UnixTime.FromMs(d) : null, ReasonCode, ReasonText,
            GrantUntil is { } g ? UnixTime.FromMs(g) : null, AccessToken);
    }

    private sealed class FlagRow
    {
        public string Id { get; set; } = "";
        public string Walidata { get; set; } = "";
        public string Requester { get; set; } = "";
        public string DatasetName { get; set; } = "";
        public string? DatasetTitle { get; set; }
        public string? ReasonText { get; set; }
        public string? DecidedBy { get; set; }
        public long DecidedUtc { get; set; }
    }
}

public sealed record RequestPayload(string Id, string DatasetName, string Purpose, DateOnly Start, DateOnly End, string RequestedBy);

public sealed record DecisionPayload(string Id, bool Approved, string? ReasonCode, string? ReasonText, string DecidedBy, DateTimeOffset DecidedUtc,
    DateTimeOffset? GrantUntil, string? AccessToken, string? DatasetTitle);

public sealed record FlagPayload(string Id, string Requester, string DatasetName, string? DatasetTitle, string? ReasonText, string? DecidedBy, DateTimeOffset DecidedUtc);

public sealed record FlaggedRefusal(string Id, string Walidata, string Requester, string DatasetName, string? DatasetTitle, string? ReasonText, string? DecidedBy, DateTimeOffset DecidedUtc);
