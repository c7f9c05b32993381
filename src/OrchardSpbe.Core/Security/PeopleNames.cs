namespace OrchardSpbe.Security;

/// <summary>
/// People as people: the display name a user name stands for, for history rows, notes, tasks and the activity
/// list (issue 16 §6). Each name is looked up once per request; an unknown or removed user stays their user name.
/// </summary>
public sealed class PeopleNames(IServiceProvider services)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string> OfAsync(string? userName)
    {
        if (string.IsNullOrEmpty(userName)) return "";
        if (_names.TryGetValue(userName, out var known)) return known;
        // The Users module provides ITenantUsers; a host without it shows user names.
        var users = (ITenantUsers?)services.GetService(typeof(ITenantUsers));
        var contact = users is null ? null : await users.FindAsync(userName);
        return _names[userName] = contact is { DisplayName.Length: > 0 } ? contact.DisplayName : userName;
    }

    /// <summary>Looks the names up, so a view can then ask <see cref="Of"/> without awaiting.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfManyAsync(IEnumerable<string?> userNames)
    {
        foreach (var name in userNames.Distinct(StringComparer.OrdinalIgnoreCase)) await OfAsync(name);
        return _names;
    }

    /// <summary>A name looked up earlier in this request (else the user name itself).</summary>
    public string Of(string? userName) => userName is null ? "" : _names.GetValueOrDefault(userName, userName);
}
