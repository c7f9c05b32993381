using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Workflows.Definitions;

/// <summary>The problems found in a definition, each naming the activity it concerns; what activities check against.</summary>
public sealed class DefinitionErrors(IStringLocalizer<Strings> localizer, IReadOnlySet<string> roles, IReadOnlySet<string> contentTypes)
{
    private readonly List<string> _messages = [];

    public IStringLocalizer<Strings> T { get; } = localizer;
    public IReadOnlyList<string> Messages => _messages;
    public bool Any => _messages.Count > 0;

    /// <summary>"Aktivitas 'tinjau': …"</summary>
    public void Add(ActivityDefinition activity, string message) => _messages.Add(T["Aktivitas '{0}': {1}", activity.Id, message]);

    public void Add(string message) => _messages.Add(message);

    public bool RoleExists(string role) => roles.Contains(role);
    public bool ContentTypeExists(string type) => contentTypes.Contains(type);

    /// <summary>Reports the settings whose <c>{{ }}</c> placeholders are not valid expressions.</summary>
    public void CheckTemplates(ActivityDefinition activity, params string[] settings)
    {
        foreach (var name in settings)
        foreach (var text in name == "title" ? [activity.Title] : activity.List(name).DefaultIfEmpty(activity.Text(name)))
            if (Runtime.WorkflowScripting.TemplateError(text) is { } error)
                Add(activity, T["'{0}' berisi ekspresi {{{{ }}}} yang tidak sah: {1}", name, error]);
    }

    /// <summary>Reports every role of the list that the tenant does not have.</summary>
    public void CheckRoles(ActivityDefinition activity, IEnumerable<string> names)
    {
        foreach (var role in names)
            if (!RoleExists(role)) Add(activity, T["peran '{0}' tidak ada di situs ini.", role]);
    }
}
