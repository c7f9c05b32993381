using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// JavaScript (Jint, as Orchard Core uses) for conditions, and for texts steps write — a notification's subject,
/// an HTTP body — where each <c>{{ expression }}</c> is replaced by its value. Both see the same model:
/// <c>content</c>, <c>input</c>, <c>workflow</c>, <c>properties</c>. Scripts run with a time, statement and
/// memory budget.
/// </summary>
/// <remarks>
/// Liquid (Fluid) would be the natural template language, but the package mirror only has a Parlot version
/// Fluid 2.41 cannot load; the <c>{{ }}</c> placeholders keep definitions compatible with it later.
/// </remarks>
public sealed partial class WorkflowScripting
{
    public Task<string> RenderAsync(string template, JsonObject model)
    {
        if (!template.Contains("{{", StringComparison.Ordinal)) return Task.FromResult(template);
        var engine = EngineFor(model);
        return Task.FromResult(Placeholder().Replace(template, match =>
        {
            var value = engine.Evaluate(match.Groups[1].Value);
            return value.IsNull() || value.IsUndefined() ? "" : value.ToString();
        }));
    }

    /// <summary>Evaluates a JavaScript expression over the model (true/false for conditions).</summary>
    public object? Evaluate(string expression, JsonObject model) => EngineFor(model).Evaluate(expression).ToObject();

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

    /// <summary>The syntax errors of a template's placeholders (null when all parse).</summary>
    public static string? TemplateError(string template) =>
        Placeholder().Matches(template).Select(m => SyntaxError(m.Groups[1].Value)).FirstOrDefault(e => e is not null);

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    private static Engine EngineFor(JsonObject model)
    {
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(1)).MaxStatements(10_000).LimitMemory(4_000_000).LimitRecursion(64));
        var parser = new JsonParser(engine);
        foreach (var (key, value) in model) engine.SetValue(key, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
        return engine;
    }

    [GeneratedRegex(@"\{\{\s*(.+?)\s*\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();
}
