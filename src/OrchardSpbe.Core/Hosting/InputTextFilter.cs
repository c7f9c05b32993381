using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using OrchardSpbe.Text;

namespace OrchardSpbe.Hosting;

/// <summary>
/// The door every form and query string passes before a controller reads it: characters that XML cannot
/// carry (NUL, U+000B, U+FFFE, lone surrogates…) are dropped, so no module stores text a feed, sitemap or
/// slug would choke on. It replaces the request's form and query, so model binding and editors that read
/// <c>Request.Form</c> see the same clean values. A form that cannot be read at all is a 400, not a 500.
/// Runs after the size-limit filters (order 900), so an action's own form limits apply to the read.
/// </summary>
public sealed class InputTextFilter : IAsyncResourceFilter, IOrderedFilter
{
    public int Order => 1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (Clean(request.Query) is { } query) context.HttpContext.Features.Set<IQueryFeature>(new QueryFeature(new QueryCollection(query)));
        // Route segments too ("/admin/roles/%EF%BF%BE"): Identity's name normaliser throws on U+FFFE.
        foreach (var (key, value) in context.RouteData.Values.ToList())
            if (value is string text && !XmlText.IsValid(text)) context.RouteData.Values[key] = XmlText.Clean(text);
        var readsBody = context.ActionDescriptor.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body)
                        || context.ActionDescriptor.EndpointMetadata.OfType<ReadsRequestBodyAttribute>().Any();
        if (!request.HasFormContentType && !readsBody)
        {
            // An action that reads a form gets JSON or text: 415. Without a body (a button posted by a script with
            // the token in a header) it gets an empty form, since Request.Form throws on a request without one.
            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
            if (hasBody && request.ContentType is { Length: > 0 } && !HttpMethods.IsGet(request.Method))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
                return;
            }
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        }
        else if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // Too large (an upload past its limit) or broken: a short page that says so, in the UI language.
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Localization.Strings>>();
                var message = status == StatusCodes.Status413PayloadTooLarge
                    ? T["Kiriman terlalu besar; tidak ada yang disimpan."]
                    : T["Kiriman tidak dapat dibaca; tidak ada yang disimpan."];
                context.Result = new ContentResult
                {
                    StatusCode = status,
                    ContentType = "text/html; charset=utf-8",
                    Content = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{status}</title></head><body><p class=\"alert alert-error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(message)}</p></body></html>",
                };
                return;
            }
            if (Clean(form) is { } fields)
                context.HttpContext.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
        }
        await next();
    }

    /// <summary>The cleaned values, or null when nothing needed cleaning (the common case allocates nothing).</summary>
    private static Dictionary<string, StringValues>? Clean(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        if (values.All(pair => XmlText.IsValid(pair.Key) && pair.Value.All(v => v is null || XmlText.IsValid(v)))) return null;
        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var name = XmlText.Clean(key);
            var items = value.Select(v => v is null ? null : XmlText.Clean(v)).ToArray();
            cleaned[name] = cleaned.TryGetValue(name, out var existing) ? StringValues.Concat(existing, items) : new StringValues(items);
        }
        return cleaned;
    }
}

/// <summary>
/// On an action that reads a non-form body itself (a file sent as the request body, by its content type): the input
/// filter lets that body through instead of answering 415. A form sent to it is still read and cleaned as any other.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsRequestBodyAttribute : Attribute;
