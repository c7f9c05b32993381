using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrchardSpbe.Security;

/// <summary>The OpenAPI document marks each operation that needs a signed-in user as taking an API token, and says how it is sent.</summary>
public sealed class ApiTokenOpenApi : IOpenApiOperationTransformer
{
    public const string SchemeName = "token";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (context.Document is not { } document || metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
            return Task.CompletedTask;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token API dari admin situs (Token API), dikirim sebagai Authorization: Bearer … (atau X-CKAN-API-Key). " +
                          "Berlaku hanya di situs yang menerbitkannya, dengan izin penggunanya; tanpa token antiforgery.",
        });
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
