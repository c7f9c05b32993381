using OrchardSpbe.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Background;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Handlers;
using OrchardSpbe.Workflows.Recipes;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;

namespace OrchardSpbe.Workflows;

public sealed class WorkflowsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Workflows];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Tugas saya", Url = TaskBadge.MenuUrl, FeatureId = Manifest.FeatureId, Permission = "AccessAdmin", Order = 5 },
            new AdminMenuItem { Text = "Alur kerja", Url = "/admin/workflows", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewWorkflows.Name, Order = 75 });

        // The activity types definitions may use.
        services.AddSingleton<IActivity, ContentCreated>()
                .AddSingleton<IActivity, ContentDraftSaved>()
                .AddSingleton<IActivity, ContentSubmitted>()
                .AddSingleton<IActivity, ContentPublished>()
                .AddSingleton<IActivity, ContentDeleted>()
                .AddSingleton<IActivity, TimerEvent>()
                .AddSingleton<IActivity, ManualStart>()
                .AddSingleton<IActivity, UserTask>()
                .AddSingleton<IActivity, PublishContent>()
                .AddSingleton<IActivity, UnpublishContent>()
                .AddSingleton<IActivity, SetField>()
                .AddSingleton<IActivity, Notify>()
                .AddSingleton<IActivity, SendEmail>()
                .AddSingleton<IActivity, HttpRequest>()
                .AddSingleton<IActivity, IfElse>()
                .AddSingleton<IActivity, Fork>()
                .AddSingleton<IActivity, Join>()
                .AddSingleton<IActivity, WaitUntil>();
        services.AddSingleton<ActivityLibrary>();
        services.AddSingleton<WorkflowScripting>();
        // Addresses a workflow author writes are user input: no call reaches inside the network (SSRF).
        services.AddOutboundHttpClient(HttpRequest.ClientName, TimeSpan.FromSeconds(10));

        services.AddScoped<WorkflowDefinitionStore>();
        services.AddScoped<DefinitionValidator>();
        services.AddScoped<DefinitionSaver>();
        services.AddScoped<WorkflowInstanceStore>();
        services.AddScoped<WorkflowTaskStore>();
        services.AddScoped<WorkflowExecutor>();
        services.AddScoped<WorkflowTriggers>();
        services.AddScoped<WorkflowTimers>();
        services.AddScoped<TaskDecisions>();
        services.AddScoped<ReturnedItems>();
        services.AddScoped<ReviewStory>();
        services.AddScoped<IContentReview, ContentReview>();
        services.AddScoped<IAdminMenuBadge, TaskBadge>();
        services.AddScoped<Admin.WorkflowAdminQueries>();

        services.AddContentHandler<WorkflowContentHandler>();
        services.AddBackgroundTask<WorkflowTimerTask>();
        services.AddRecipeStep<WorkflowsStep>();
    }
}
