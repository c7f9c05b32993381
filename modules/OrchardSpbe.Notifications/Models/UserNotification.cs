namespace OrchardSpbe.Notifications.Models;

/// <summary>One row of a user's notification list.</summary>
public sealed class UserNotification
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>A path on the tenant's site ("/admin/…"), or null.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? ReadUtc { get; set; }

    public bool IsUnread => ReadUtc is null;
}
