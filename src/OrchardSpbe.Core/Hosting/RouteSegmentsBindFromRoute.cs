using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace OrchardSpbe.Hosting;

/// <summary>
/// An action parameter named like a segment of its route ("{name}" in "admin/roles/{name}/edit") binds from the route
/// only. MVC's default order reads the form first, so a posted field of the same name ("Name" of the role form, empty)
/// silently replaced the record the address named — found by the hostile-input harness (issue 15) as a 500.
/// Parameters with an explicit source ([FromForm], [FromQuery], …) are left as declared.
/// </summary>
public sealed class RouteSegmentsBindFromRoute : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var templates = action.Selectors.Concat(action.Controller.Selectors)
            .Select(s => s.AttributeRouteModel?.Template)
            .OfType<string>();
        var segments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in templates)
        {
            try
            {
                foreach (var parameter in RoutePatternFactory.Parse(template).Parameters) segments.Add(parameter.Name);
            }
            catch (RoutePatternException)
            {
                // Token placeholders ([controller]) and the like: MVC reports a malformed template itself.
            }
        }
        foreach (var parameter in action.Parameters)
        {
            if (!segments.Contains(parameter.ParameterName) || parameter.BindingInfo?.BindingSource is not null) continue;
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type != typeof(string) && !type.IsPrimitive && type != typeof(Guid) && type != typeof(long)) continue;
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }
}
