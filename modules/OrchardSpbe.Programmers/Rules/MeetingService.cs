using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Members;

namespace OrchardSpbe.Programmers.Rules;

public sealed class MeetingRow
{
    public string Id { get; set; } = "";
    public string HeldOn { get; set; } = "";
    public string Topic { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

public sealed class AttendanceRow
{
    public string MeetingId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Presence { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>The team's meetings on the portal with every serving member's attendance; an absence is excused only with a written reason (15(3)).</summary>
public sealed class MeetingService(TenantSession session, MemberService members, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<MeetingRow>> ListAsync(int take = 50) =>
        (await session.QueryAsync<MeetingRow>($"SELECT id AS Id, held_on AS HeldOn, topic AS Topic, recorded_by AS RecordedBy FROM prog_meetings ORDER BY held_on DESC, id LIMIT {take}")).ToList();

    public async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(IReadOnlyCollection<string> meetingIds) =>
        meetingIds.Count == 0 ? [] : (await session.QueryAsync<AttendanceRow>(
            $"SELECT meeting_id AS MeetingId, member_id AS MemberId, presence AS Presence, reason AS Reason FROM prog_attendance WHERE {session.Dialect.InList("meeting_id", "ids")}",
            new { ids = meetingIds.ToArray() })).ToList();

    /// <summary>Records a meeting; <paramref name="presence"/> and <paramref name="reasons"/> are keyed by member id. Every serving member must be marked.</summary>
    public async Task<string?> RecordAsync(string? heldOn, string? topic, IReadOnlyDictionary<string, string> presence, IReadOnlyDictionary<string, string> reasons, string userName)
    {
        if (!MemberService.TryDate(heldOn, out var date)) return T["Tanggal rapat tidak valid (tulis seperti 2026-01-05)."];
        if (date > DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow()).DateTime)) return T["Rapat yang belum berlangsung tidak dapat dicatat."];
        topic = (topic ?? "").Trim();
        if (topic.Length is < 3 or > 300) return T["Tulis pokok bahasan rapat (3–300 karakter)."];
        var serving = await members.ListAsync(servingOnly: true);
        if (serving.Count == 0) return T["Belum ada anggota yang sedang bertugas."];
        var rows = new List<AttendanceRow>();
        foreach (var member in serving)
        {
            if (!presence.TryGetValue(member.Id, out var mark) || !Presence.All.Contains(mark)) return T["Tandai kehadiran {0}.", member.FullName];
            var reason = reasons.GetValueOrDefault(member.Id)?.Trim();
            if (mark == Presence.Excused && string.IsNullOrEmpty(reason)) return T["Izin {0} memerlukan alasan tertulis (Pasal 15 ayat 3).", member.FullName];
            if (reason?.Length > 1000) return T["Alasan paling banyak 1.000 karakter."];
            rows.Add(new AttendanceRow { MemberId = member.Id, Presence = mark, Reason = string.IsNullOrEmpty(reason) ? null : reason });
        }
        var id = Guid.NewGuid().ToString("N")[..20];
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync("INSERT INTO prog_meetings (id, held_on, topic, recorded_by, recorded_utc) VALUES (@id, @heldOn, @topic, @userName, @now)",
            new { id, heldOn = MemberService.Iso(date), topic, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
        await session.ExecuteAsync("INSERT INTO prog_attendance (meeting_id, member_id, presence, reason) VALUES (@id, @MemberId, @Presence, @Reason)",
            rows.Select(r => new { id, r.MemberId, r.Presence, r.Reason }));
        await audit.RecordAsync("programmers.meeting.recorded", "rapat:" + id, $"{MemberService.Iso(date)}: {topic}", userName);
        await transaction.CommitAsync();
        return null;
    }
}
