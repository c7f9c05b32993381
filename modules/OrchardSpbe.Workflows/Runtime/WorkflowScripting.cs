using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fluid;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// Liquid templates (Fluid) for texts steps write — a notification's subject, an HTTP body — and JavaScript
/// expressions (Jint, as Orchard Core uses) for conditions. Both see the same model: <c>content</c>,
/// <c>input</c>, <c>workflow</c>, <c>properties</c>. Scripts run with a time, statement and memory budget.
/// </summary>
public sealed class WorkflowScripting
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();

    public bool TryParseTemplate(string text, out string? error)
    {
        var ok = Parser.TryParse(text, out _, out error);
        return ok;
    }

    public async Task<string> RenderAsync(string template, JsonObject model)
    {
        if (!template.Contains("{{") && !template.Contains("{%")) return template;
        var parsed = _templates.GetOrAdd(template, t => Parser.Parse(t));
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model) context.SetValue(key, ToClr(value));
        return await parsed.RenderAsync(context);
    }

    /// <summary>Evaluates a JavaScript expression over the model (true/false for conditions, a date for waits).</summary>
    public object? Evaluate(string expression, JsonObject model)
    {
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(1)).MaxStatements(10_000).LimitMemory(4_000_000).LimitRecursion(64));
        var parser = new JsonParser(engine);
        foreach (var (key, value) in model) engine.SetValue(key, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
        return engine.Evaluate(expression).ToObject();
    }

    /// <summary>Null when the expression parses; the parser's message otherwise.</summary>
    public static string? SyntaxError(string expression)
    {
        try
        {
            Engine.PrepareScript(expression);
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => node.ToString(),
    };
}
