using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Modules;
using OrchardSpbe.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Catalogue;

/// <summary>Keeps the portal's catalogue copy of a registered application (non-sensitive fields) and its search document.</summary>
public sealed class CatalogueWriter(TenantSession session, TenantContext tenant, IServiceProvider services)
{
    public async Task WriteAsync(string pd, ApplicationRecord application, IReadOnlyList<DatasetLink> datasets, IReadOnlyList<ProgrammerLink> programmers, string number, DateTimeOffset registeredUtc)
    {
        await session.ExecuteAsync("""
            INSERT INTO app_public (tenant, id, registration_number, name, description, users, app_class, lifecycle, url, stack, licence, repository,
                apis_provided, apis_consumed, datasets, programmers, is_public, registered_utc)
            VALUES (@pd, @Id, @number, @Name, @Description, @Users, @AppClass, @Lifecycle, @Url, @Stack, @Licence, @Repository, @ApisProvided, @ApisConsumed, @datasets, @programmers, @IsPublic, @at)
            ON CONFLICT (tenant, id) DO UPDATE SET registration_number = excluded.registration_number, name = excluded.name, description = excluded.description,
                users = excluded.users, app_class = excluded.app_class, lifecycle = excluded.lifecycle, url = excluded.url, stack = excluded.stack,
                licence = excluded.licence, repository = excluded.repository, apis_provided = excluded.apis_provided, apis_consumed = excluded.apis_consumed, datasets = excluded.datasets, programmers = excluded.programmers,
                is_public = excluded.is_public, registered_utc = excluded.registered_utc
            """, new
        {
            pd, application.Id, number, application.Name, application.Description, application.Users, application.AppClass, application.Lifecycle,
            application.Url, application.Stack, application.Licence, application.Repository, application.ApisProvided, application.ApisConsumed,
            application.IsPublic, at = UnixTime.Ms(registeredUtc), datasets = string.Join("\n", datasets.Select(d => d.Title)),
            programmers = JsonSerializer.Serialize(programmers, HandoverOutbox.Json),
        });
        await LogChangeAsync(number);
    }

    /// <summary>Logs the catalogue entry for re-indexing in the caller's transaction, where the portal has search on.</summary>
    public async Task LogChangeAsync(string number)
    {
        if (!tenant.Shell.IsFeatureEnabled("OrchardSpbe.Search")) return;
        if (services.GetService<SearchChangeLog>() is { } log) await log.AppendAsync(ApplicationSearchSource.ItemIdOf(number));
    }
}
