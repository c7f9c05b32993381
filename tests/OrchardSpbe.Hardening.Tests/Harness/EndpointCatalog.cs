using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Hardening.Tests.Harness;

/// <summary>One route and method of the application, with what it reads.</summary>
public sealed record HarnessEndpoint(
    string Method,
    RoutePattern Pattern,
    IReadOnlyList<string> Fields,
    bool Json,
    string? FeatureId,
    bool PortalOnly,
    string DisplayName)
{
    public string Template => "/" + Pattern.RawText!.TrimStart('/');
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// Every endpoint the application maps, read from its own endpoint list (the EndpointDataSource that routing
/// uses), so a module added tomorrow is in the harness without an edit here. Fields come from the action's
/// parameters (and the properties of its models); forms built at run time (content editors) are read from
/// the page that serves them, by <see cref="HostileInputRun"/>.
/// </summary>
public static class EndpointCatalog
{
    public static IReadOnlyList<HarnessEndpoint> Discover(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var list = new List<HarnessEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var fields = new List<string>();
            var json = false;
            if (action is not null)
            {
                var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in action.Parameters)
                {
                    var source = parameter.BindingInfo?.BindingSource;
                    if (source == BindingSource.Body) json = true;
                    if (routeNames.Contains(parameter.Name) || source == BindingSource.Services || source == BindingSource.Special) continue;
                    AddFields(fields, parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, depth: 0, json && source == BindingSource.Body);
                }
                json |= action.ControllerTypeInfo.GetCustomAttribute<ApiControllerAttribute>() is not null
                        && action.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body);
            }
            foreach (var method in methods)
                list.Add(new HarnessEndpoint(method, endpoint.RoutePattern, fields.Distinct().ToList(), json,
                    endpoint.Metadata.GetMetadata<RequireFeatureAttribute>()?.FeatureId,
                    endpoint.Metadata.GetMetadata<PortalOnlyAttribute>() is not null,
                    endpoint.DisplayName ?? ""));
        }
        return list.OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method).ToList();
    }

    private static void AddFields(List<string> fields, string name, Type type, int depth, bool bodyRoot)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(IFormFile).IsAssignableFrom(underlying) || underlying == typeof(IFormCollection) || underlying == typeof(CancellationToken)) return;
        if (IsSimple(underlying) || (underlying != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying)))
        {
            fields.Add(name);
            return;
        }
        if (depth > 1) return;
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (property.GetCustomAttribute<BindNeverAttribute>() is not null) continue;
            // A body's properties are JSON keys; a form model's are named as MVC binds them (no prefix at the top).
            var child = bodyRoot || depth == 0 ? property.Name : name + "." + property.Name;
            AddFields(fields, child, property.PropertyType, depth + 1, false);
        }
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid);
}
