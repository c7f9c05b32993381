using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Calls another system: <c>method</c> (GET, POST, PUT), <c>url</c> and <c>body</c> (templates). Goes on with
/// "Done" on a 2xx answer and "Failed" otherwise; the status code is kept in the instance's properties.
/// </summary>
public sealed class HttpRequest : IActivity
{
    public const string ClientName = "workflows";

    public string Type => "HttpRequest";
    public string DisplayName => "Permintaan HTTP";

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => [Outcomes.Done, Outcomes.Failed];

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        errors.CheckTemplates(activity, "url", "body");
        var url = activity.Text("url");
        if (!url.Contains("{{") && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add(activity, errors.T["'url' harus alamat lengkap http:// atau https://."]);
        if (activity.Text("method") is { Length: > 0 } method && method.ToUpperInvariant() is not ("GET" or "POST" or "PUT"))
            errors.Add(activity, errors.T["'method' harus GET, POST atau PUT."]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var scripting = context.Services.GetRequiredService<WorkflowScripting>();
        var model = await context.ModelAsync();
        var method = new HttpMethod(context.Activity.Text("method") is { Length: > 0 } m ? m.ToUpperInvariant() : "GET");
        using var request = new HttpRequestMessage(method, await scripting.RenderAsync(context.Activity.Text("url"), model));
        if (method != HttpMethod.Get)
            request.Content = new StringContent(await scripting.RenderAsync(context.Activity.Text("body"), model), Encoding.UTF8,
                context.Activity.Text("contentType") is { Length: > 0 } type ? type : "application/json");
        var client = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        int status;
        try
        {
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        context.Instance.Properties[context.Activity.Id + ".status"] = status;
        return ActivityResult.Outcome(status is >= 200 and < 300 ? Outcomes.Done : Outcomes.Failed);
    }
}
