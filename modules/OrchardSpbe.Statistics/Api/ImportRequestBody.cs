using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrchardSpbe.Statistics.Public;

namespace OrchardSpbe.Statistics.Api;

/// <summary>
/// The import's request body in the OpenAPI document: the action reads the body itself (so an oversized or cut upload
/// gets its own answer), and OpenAPI cannot see what it takes without being told.
/// </summary>
public sealed class ImportRequestBody : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor { ControllerTypeInfo: var type } || type.AsType() != typeof(StatisticsImportApiController))
            return Task.CompletedTask;
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Berkas dengan kolom periode, wilayah, disagregasi, nilai, status, catatan (baris judul di baris 1).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                [TableFiles.XlsxType] = new() { Schema = file },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { StatisticsImportApiController.FileField },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [StatisticsImportApiController.FileField] = file,
                            ["decimal"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "titik (bawaan) atau koma" },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
