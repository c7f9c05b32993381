using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Catalogue;
using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Governance;
using OrchardSpbe.Applications.Mandiri;
using OrchardSpbe.Applications.Recipes;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Applications.Reports;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Search;

namespace OrchardSpbe.Applications;

public sealed class ApplicationsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Applications];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Aplikasi & perangkat", Url = "/admin/aplikasi", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageApplications.Name, Order = 22, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Registrasi aplikasi", Url = "/admin/aplikasi/register", FeatureId = Manifest.FeatureId, Permission = Permissions.RegisterApplications.Name, Order = 22, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "PD Mandiri TIK", Url = "/admin/aplikasi/mandiri-tik", FeatureId = Manifest.FeatureId, Permission = Permissions.RegisterApplications.Name, Order = 23, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Kepatuhan laporan TIK", Url = "/admin/aplikasi/kepatuhan", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewApplicationsRegister.Name, Order = 24, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Tata kelola aplikasi", Url = "/admin/aplikasi/tata-kelola", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewApplicationsRegister.Name, Order = 25, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Peta integrasi", Url = "/admin/aplikasi/integrasi", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewApplicationsRegister.Name, Order = 26, Sites = AdminMenuSites.Portal });

        // The PD's register: applications, devices, documents (001 Pasal 9(1); 002 Pasal 13).
        services.AddScoped<ApplicationStore>();
        services.AddScoped<DeviceStore>();
        services.AddScoped<DocumentRepository>();

        // Registration over the Core hand-over: PD → portal → PD (001 Pasal 9(2)).
        services.AddScoped<SubmissionService>();
        services.AddScoped<ReviewService>();
        services.AddHandoverHandler<ApplicationReceivedHandler>();
        services.AddHandoverHandler<DeviceReceivedHandler>();
        services.AddHandoverHandler<DecisionReceivedHandler>();

        // PD Mandiri TIK (002 Pasal 18) and the semester report (001 Pasal 26), by the same road.
        services.AddScoped<MandiriService>();
        services.AddHandoverHandler<MandiriProposalReceivedHandler>();
        services.AddHandoverHandler<MandiriDecisionReceivedHandler>();
        services.AddScoped<ReportService>();
        services.AddHandoverHandler<ReportReceivedHandler>();
        services.AddScoped<ReportBoard>();

        // Governance and integration (001 Pasal 12, 15(5)–(6), 16).
        services.AddScoped<AssessmentService>();
        services.AddScoped<IntegrationMap>();

        // The public catalogue on the portal and its search documents.
        services.AddScoped<CatalogueWriter>();
        services.AddScoped<PublicCatalogue>();
        services.AddSingleton<ISearchDocumentSource, ApplicationSearchSource>();
        services.AddRecipeStep<SampleApplicationsStep>();
    }
}
