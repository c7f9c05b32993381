using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// CKAN's Action API at /api/3/action/{name} and /api/action/{name}, answered as ckan/views/api.py answers: the
/// envelope {help, success, result}; errors {help, success: false, error: {__type, message}} with CKAN's statuses; an
/// unknown action or an unreadable body a bare JSON string with 400; a write action called by GET refused as CKAN
/// refuses it. Read actions take GET (query string) or POST (JSON body).
/// </summary>
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
[IgnoreAntiforgeryToken] // no cookie-authorised change happens here: read actions change nothing, write actions need a token
[AnswersTokenRefusal] // a refused token is CKAN's Authorization Error (403), below
public sealed class CkanApiController(CkanActions actions, CkanWriteActions writes, TenantContext tenant, TenantRegistry registry, TenantUrls urls) : Controller
{
    // The resolver set here (the serializer sets one itself; writing a tree straight to a writer does not).
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    [HttpGet("api/3/action/{name}")]
    [HttpPost("api/3/action/{name}")]
    [HttpGet("api/action/{name}")]
    [HttpPost("api/action/{name}")]
    public async Task<IActionResult> Action(string name, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] JsonElement? body)
    {
        var read = CkanActions.ReadActions.Contains(name);
        if (!read && !CkanActions.WriteActions.Contains(name)) return BadRequestText($"Action name not known: {name}");
        CkanArgs args;
        if (HttpMethods.IsGet(Request.Method))
        {
            if (!read) return BadRequestText("JSON Error: Invalid request. Please use POST method for your request");
            args = CkanArgs.FromQuery(Request.Query);
        }
        else if (!ModelState.IsValid)
        {
            return BadRequestText("JSON Error: Error decoding JSON data.");
        }
        else if (body is { ValueKind: not JsonValueKind.Object } other && other.ValueKind != JsonValueKind.Undefined)
        {
            return BadRequestText($"JSON Error: Request data JSON decoded to {other.ValueKind} but it needs to be a dictionary.");
        }
        else
        {
            args = new CkanArgs(body is { ValueKind: JsonValueKind.Object } json ? JsonObject.Create(json)! : []);
            // A read action posted with an empty body still reads its query string, as clients sending ?id=… expect.
            if (read && body is null) args = CkanArgs.FromQuery(Request.Query);
        }
        return await AnswerAsync(name, args, read, null);
    }

    private async Task<IActionResult> AnswerAsync(string name, CkanArgs args, bool read, IFormFile? upload)
    {
        args.Data.Remove("callback");

        var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var envelope = new JsonObject { ["help"] = $"{root}/api/3/action/help_show?name={Uri.EscapeDataString(name)}" };
        var dicts = new CkanDicts((dataset, path) =>
            dataset.Organization == tenant.Name || registry.Find(dataset.Organization) is not { } pd ? $"{root}/{path}" : urls.Of(pd, path), keepWritten: tenant.IsDefault);
        try
        {
            // A token (Authorization or X-CKAN-API-Key, as CKAN's clients send it) signs the request in; a write needs one —
            // the site's cookie never authorises a write here, so no other site can make a signed-in browser write.
            var token = await HttpContext.AuthenticateAsync(ApiTokenHandler.SchemeName);
            if (token.Failure is not null) throw new CkanNotAuthorized("the API token is unknown, expired or revoked");
            var user = token.Succeeded ? token.Principal! : read ? User : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            var result = read
                ? await actions.RunAsync(name, args, user, dicts, $"{root}{Request.Path}", HttpContext.RequestAborted)
                : await writes.RunAsync(name, args, user, dicts, upload);
            envelope["success"] = true;
            envelope["result"] = result;
            return JsonAnswer(envelope, 200);
        }
        catch (CkanException error)
        {
            envelope["success"] = false;
            envelope["error"] = error switch
            {
                CkanValidation validation => new JsonObject { [validation.Field] = new JsonArray(validation.Message), ["__type"] = error.Type },
                CkanNotFound => new JsonObject { ["__type"] = error.Type, ["message"] = "Not found: " + error.Message },
                CkanNotAuthorized => new JsonObject { ["__type"] = error.Type, ["message"] = "Access denied: " + error.Message },
                _ => new JsonObject { ["__type"] = error.Type, ["message"] = error.Message },
            };
            return JsonAnswer(envelope, error.Status);
        }
    }

    /// <summary>resource_create with a file, as ckanapi sends it: multipart, the file in "upload", the other fields beside it.</summary>
    [HttpPost("api/3/action/resource_create")]
    [HttpPost("api/action/resource_create")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(Resources.ResourceService.MaxUploadBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = Resources.ResourceService.MaxUploadBytes)]
    public async Task<IActionResult> ResourceCreate()
    {
        IFormCollection form;
        try { form = await Request.ReadFormAsync(HttpContext.RequestAborted); }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return BadRequestText("JSON Error: the upload could not be read or is too large");
        }
        var args = new CkanArgs(new JsonObject(form.Where(f => f.Key != "upload").Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString())))));
        return await AnswerAsync("resource_create", args, read: false, form.Files.GetFile("upload"));
    }

    private JsonAnswerResult BadRequestText(string message) =>
        JsonAnswer(JsonValue.Create("Bad request: " + message), 400);

    private static JsonAnswerResult JsonAnswer(JsonNode node, int status) => new(node, status);

    /// <summary>
    /// An answer written as UTF-8 straight from its tree into the response's pipe, with its status: no string and no
    /// byte array of the whole answer (about 30 KB a package_search, allocated per request, was most of its garbage).
    /// </summary>
    private sealed class JsonAnswerResult(JsonNode node, int status) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json;charset=utf-8";
            await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = Json.Encoder }))
                node.WriteTo(writer, Json);
            await response.BodyWriter.FlushAsync(context.HttpContext.RequestAborted);
        }
    }
}
