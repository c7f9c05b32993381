using OrchardSpbe.Navigation;
using OrchardSpbe.Notifications.Models;

namespace OrchardSpbe.Notifications.ViewModels;

public sealed class NotificationListViewModel
{
    public required IReadOnlyList<UserNotification> Items { get; init; }
    public required long Unread { get; init; }
    public required Pager Pager { get; init; }
}
