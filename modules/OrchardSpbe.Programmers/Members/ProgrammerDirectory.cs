using OrchardSpbe.Data;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Programmers.Members;

/// <summary>
/// Core's <see cref="IProgrammerDirectory"/> on a PD: the members placed here (the PD's copy of each placement, kept by
/// the hand-over from the portal, 000 Pasal 4) who still serve, with their role's name from the reference data.
/// </summary>
public sealed class ProgrammerDirectory(TenantSession session) : IProgrammerDirectory
{
    public async Task<IReadOnlyList<ProgrammerLink>> PlacedHereAsync() =>
        (await session.QueryAsync<(string Id, string Name, string Role)>("""
            SELECT p.member_id, p.full_name, COALESCE(r.name, p.role_code)
            FROM prog_placements p LEFT JOIN prog_roles r ON r.code = p.role_code
            WHERE p.status IN (@active, @warned) ORDER BY p.full_name
            """, new { active = MemberStatuses.Active, warned = MemberStatuses.Warned }))
        .Select(p => new ProgrammerLink(p.Id, p.Name, p.Role)).ToList();
}
