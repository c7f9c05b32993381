using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.Selection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.ViewModels;

public sealed record ReferenceViewModel(
    IReadOnlyList<RoleCategory> Categories, IReadOnlyList<RoleDefinition> Roles, IReadOnlyList<SpbeArea> Areas,
    IReadOnlyList<OccupationDomain> Domains, IReadOnlyList<Occupation> Occupations, string? Domain, int? Level);

public sealed record ApplyViewModel(
    IReadOnlyList<RoleDefinition> Roles, IReadOnlyList<TenantRecord> HomePds, ApplicationInput Input, IReadOnlyDictionary<string, string> Errors, string Period);

public sealed record StatusViewModel(ApplicationRow Application, RoleDefinition? Role, IReadOnlyList<StageResult> Stages);

public sealed record BoardViewModel(IReadOnlyList<ApplicationRow> Applications, IReadOnlyDictionary<string, string> RoleNames, string Period, IReadOnlyList<string> Periods, string? State);

public sealed record ApplicationViewModel(
    ApplicationRow Application, RoleDefinition? Role, string HomePdName, PersonalData? Personal, IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<StageResult> Stages, IReadOnlyList<(string Item, string Label, string Reason, bool MetByData)> Checklist, string? Error,
    bool Appointed);

public sealed record MembersViewModel(IReadOnlyList<MemberRow> Members, IReadOnlyDictionary<string, string> RoleNames, IReadOnlyList<ApplicationRow> Appointable,
    IReadOnlyList<TenantRecord> Placements, string? Error);

public sealed record TeamPageViewModel(IReadOnlyList<MemberRow> Members, IReadOnlyDictionary<string, string> RoleNames, IReadOnlyDictionary<string, string> PlacementNames);

public sealed record EvaluationsViewModel(IReadOnlyList<EvaluationRow> Evaluations, IReadOnlyDictionary<string, string> PdNames, IReadOnlyList<DueMarkRow> DueMarks);

public sealed record ReportsViewModel(
    IReadOnlyList<OrchardSpbe.Programmers.Reports.PlacementRow> Placements, IReadOnlyList<OrchardSpbe.Programmers.Reports.ReportRow> Reports,
    IReadOnlyList<OrchardSpbe.Programmers.Reports.PdTaskRow> Tasks, OrchardSpbe.Programmers.Reports.PlacementRow? Own, RoleDefinition? OwnRole, IReadOnlyDictionary<string, string> RoleNames, bool IsCoordinator, string? Error,
    IReadOnlyList<OrchardSpbe.Programmers.Reports.DueRow> LateAndMissing);

public sealed record MeetingsViewModel(IReadOnlyList<MemberRow> Serving, IReadOnlyList<OrchardSpbe.Programmers.Rules.MeetingRow> Meetings,
    IReadOnlyList<OrchardSpbe.Programmers.Rules.AttendanceRow> Attendance, string? Error);

public sealed record CasesViewModel(IReadOnlyList<OrchardSpbe.Programmers.Rules.CaseRow> Cases, IReadOnlyList<OrchardSpbe.Programmers.Rules.CaseDecisionRow> Decisions,
    IReadOnlyDictionary<string, string> MemberNames, bool IsPatron, string? Error);

public sealed record CompetencyViewModel(
    IReadOnlyList<SpbeArea> Areas, IReadOnlyList<OrchardSpbe.Programmers.Competency.GapRow> Gaps, OrchardSpbe.Programmers.Competency.GapRow? Selected,
    IReadOnlyDictionary<string, int> Needs, IReadOnlyList<OrchardSpbe.Programmers.Competency.StaffRow> Staff, bool Portal, string? Error);

public sealed record FinalReportsViewModel(IReadOnlyList<FinalReportRow> Written, int Year, IReadOnlyList<FinalReportMember> Members, IReadOnlyDictionary<string, string> RoleNames, string? Error);

public sealed record FinalReportViewModel(FinalReportRow Report, IReadOnlyList<ConclusionRow> Conclusions, IReadOnlyList<FinalReportMember> Members,
    IReadOnlyDictionary<string, string> RoleNames, bool IsPatron, string? Error);
