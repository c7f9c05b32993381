using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Governance;
using OrchardSpbe.Applications.Mandiri;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Applications.Reports;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications;

public sealed record RegisterHomeViewModel(IReadOnlyList<ApplicationRecord> Applications, IReadOnlyList<DeviceRecord> Devices, bool Mandiri);

public sealed record ApplicationEditorViewModel(string? Id, ApplicationInput Input, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<TenantRecord> Pds, bool Mandiri)
{
    /// <summary>The Tim Programmer members placed at this PD to pick from; null where the Programmers feature is off (the field is absent).</summary>
    public IReadOnlyList<ProgrammerLink>? Programmers { get; init; }
}

public sealed record ApplicationPageViewModel(
    ApplicationRecord Application, IReadOnlyList<(DocumentKind Kind, bool Required, DocumentRecord? Latest)> Checklist,
    IReadOnlyList<DocumentRecord> Documents, string? Error, IReadOnlyDictionary<string, string> PdNames);

public sealed record DeviceEditorViewModel(string? Id, DeviceInput Input, IReadOnlyDictionary<string, string> Errors);

public sealed record MandiriViewModel(IReadOnlyList<MandiriRow> History, string? Error, string? Proposal);

public sealed record ReportViewModel(SemesterReport Prefill, IReadOnlyList<string> Semesters, IReadOnlyList<(string Semester, DateTimeOffset SubmittedUtc, string SubmittedBy)> History,
    string? Field, string? Error);

public sealed record ReviewViewModel(RegisterRow Row, string PdName, ApplicationSubmission? Application, DeviceSubmission? Device,
    IReadOnlyList<(DocumentKind Kind, bool Required, RegisterDocument? Latest)> Checklist, string? Error, string? Note)
{
    /// <summary>The APIs it calls, each with the registered application that provides it (null: no such registration number).</summary>
    public IReadOnlyList<(string Number, string Api, string? Provider)> Calls { get; init; } = [];
}

public sealed record AssessmentViewModel(RegisterRow Row, string PdName, IReadOnlyList<AssessmentRow> History, IReadOnlyList<string> Periods, string? Error);

public sealed record GovernanceViewModel(IReadOnlyList<PdGovernance> Pds, IReadOnlyList<RegisterRow> Applications, IReadOnlyDictionary<string, string> PdNames);
