using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content.Editing;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics.Compliance;
using OrchardSpbe.Statistics.Import;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.Recipes;
using OrchardSpbe.Statistics.Search;
using OrchardSpbe.Statistics.Submissions;

namespace OrchardSpbe.Statistics;

public sealed class StatisticsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Statistics];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StatisticsOptions>(configuration.GetSection(StatisticsOptions.Section));
        services.AddDataMigration<Migrations>();
        // Public only once Diskominfostandi accepted it, at /statistik — never by the generic content page.
        services.AddSingleton(new OrchardSpbe.Content.SelfDisplayedType(Indicators.IndicatorPart.ContentType));
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Statistik", Url = "/admin/statistik", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageStatistics.Name, Order = 20, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Verifikasi statistik", Url = "/admin/statistik/verifikasi", FeatureId = Manifest.FeatureId, Permission = Permissions.VerifyStatistics.Name, Order = 20, Sites = AdminMenuSites.Portal },
            new AdminMenuItem { Text = "Kepatuhan statistik", Url = "/admin/statistik/kepatuhan", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewStatisticsCompliance.Name, Order = 21, Sites = AdminMenuSites.Portal });

        // The indicator: a content type (drafts, versions, approval) made of the title and the MS-Ind part.
        services.AddScoped<IContentEditor, IndicatorPartEditor>();
        services.AddContentHandler<IndicatorIndexHandler>();
        services.AddScoped<IndicatorDirectory>();

        // Values, imports and the monthly hand-over (PD → portal → PD, by the Core hand-over).
        services.AddScoped<ObservationStore>();
        services.AddScoped<ImportFileReader>();
        services.AddSingleton<ImportJobs>();
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<Api.ImportRequestBody>()); // the import API's body, described
        services.AddScoped<SubmissionService>();
        services.AddScoped<VerificationService>();
        services.AddHandoverHandler<SubmissionReceivedHandler>();
        services.AddHandoverHandler<DecisionReceivedHandler>();
        services.AddHandoverHandler<MarkReceivedHandler>();

        // Deadlines with no visitor: the reminder on PDs, the marks on the portal; the board.
        services.AddBackgroundTask<ReminderTask>();
        services.AddBackgroundTask<ComplianceDeadlineTask>();
        services.AddScoped<ComplianceBoard>();

        // What the public reads, on the portal and on each PD; search documents of accepted indicators.
        services.AddScoped<PublicStatisticsWriter>();
        services.AddScoped<PublicStatistics>();
        services.AddScoped<OrchardSpbe.Modules.IIndicatorLinks, IndicatorLinks>(); // for the datasets that name related indicators
        services.AddSingleton<ISearchDocumentSource, IndicatorSearchSource>();
        services.AddRecipeStep<SampleStatisticsStep>();
    }
}
