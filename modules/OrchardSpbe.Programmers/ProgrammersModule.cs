using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Competency;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.Reports;
using OrchardSpbe.Programmers.Rules;
using OrchardSpbe.Programmers.Selection;

namespace OrchardSpbe.Programmers;

public sealed class ProgrammersModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Programmers];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgrammersOptions>(configuration.GetSection(ProgrammersOptions.Section));
        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Seleksi Tim Programmer", Url = "/admin/tim-programmer/seleksi", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageSelection.Name, Order = 30, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Anggota Tim Programmer", Url = "/admin/tim-programmer/anggota", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 31, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Rapat Tim Programmer", Url = "/admin/tim-programmer/rapat", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 31, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Peringatan dan pemberhentian", Url = "/admin/tim-programmer/kasus", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 31, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Evaluasi Tim Programmer", Url = "/admin/tim-programmer/evaluasi", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 31, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Laporan akhir Ketua Tim", Url = "/admin/tim-programmer/laporan-akhir", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 31, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Laporan Tim Programmer", Url = "/admin/tim-programmer/laporan", FeatureId = Manifest.FeatureId, Permission = "AccessAdmin", Order = 30, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Kesenjangan kompetensi SPBE", Url = "/admin/tim-programmer/kompetensi", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTeam.Name, Order = 32, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Kompetensi SDM TIK", Url = "/admin/tim-programmer/kompetensi", FeatureId = Manifest.FeatureId, Permission = Permissions.EvaluateReports.Name, Order = 31, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Okupasi TIK", Url = "/admin/tim-programmer/referensi", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewReference.Name, Order = 32 });

        // Reference data (000 Pasal 17–19; 004 Lampiran), imported by recipe from the module's data files.
        services.AddRecipeStep<ReferenceStep>();
        services.AddScoped<ReferenceDirectory>();

        // Selection in stages (000 Pasal 16, 18, 19): the portal's public form, the team's board, the letters.
        services.AddScoped<ApplicantDocuments>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<SelectionBoard>();
        services.AddBackgroundTask<AnonymiseTask>(); // UU PDP: rejected applicants' data, a set time after

        // Members and their one-year terms (15(1)); the reminder before a term ends, with no visitor.
        services.AddScoped<MemberService>();
        services.AddBackgroundTask<TermReminderTask>();
        services.AddScoped<FinalReportService>(); // the Ketua's final report to the Pembina (20(4)–(5)), which an extension needs

        services.AddHandoverHandler<TermEndingReceivedHandler>();
        services.AddRecipeStep<SampleMembersStep>();
        services.AddScoped<OrchardSpbe.Modules.IProgrammerDirectory, ProgrammerDirectory>(); // for the applications that name their programmers

        // Reports on the PD, evaluated by its head; evaluations to the portal by the Core hand-over (15(2), Pasal 20).
        services.AddScoped<ReportService>();
        services.AddHandoverHandler<PlacementReceivedHandler>();
        services.AddHandoverHandler<EvaluationReceivedHandler>();
        // Due dates and late marks as for statistics (Core DuePeriod): reminders before, "terlambat" after, marks to the portal.
        services.AddScoped<ReportSchedule>();
        services.AddBackgroundTask<ReportDueTask>();
        services.AddHandoverHandler<ReportDueReceivedHandler>();

        // The rules of 15(3)–(5) by schedule: meetings, warning tasks for coordinators, removal proposals Ketua → Pembina → Wali Kota.
        services.AddScoped<MeetingService>();
        services.AddScoped<CaseService>();
        services.AddBackgroundTask<RuleTask>();
        services.AddHandoverHandler<WarningTaskReceivedHandler>();
        services.AddHandoverHandler<WarningDecisionReceivedHandler>();
        services.AddHandoverHandler<InactivityReceivedHandler>();

        // The competency map and gap of 004: staff and needs from the PDs by hand-over, the city's table on the portal.
        services.AddScoped<CompetencyMap>();
        services.AddHandoverHandler<CompetencySnapshotHandler>();
    }
}
