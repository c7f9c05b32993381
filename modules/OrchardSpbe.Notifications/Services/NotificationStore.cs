using OrchardSpbe.Data;
using OrchardSpbe.Notifications.Models;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// The notifications table of the current tenant. Every read and change names the user, so one user's
/// request can never see or touch another's notification.
/// </summary>
public sealed class NotificationStore(TenantSession session)
{
    private const string Columns =
        "id AS Id, user_name AS UserName, subject AS Subject, body AS Body, link AS Link, created_utc AS CreatedUtc, read_utc AS ReadUtc";

    public Task AddAsync(string userName, string subject, string body, string? link) =>
        session.ExecuteAsync(
            "INSERT INTO notifications (user_name, subject, body, link, created_utc) VALUES (@userName, @subject, @body, @link, @now)",
            new { userName, subject, body, link, now = UnixTime.Now });

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<UserNotification>> ListAsync(string userName, int page, int pageSize) =>
        (await session.QueryAsync<UserNotification>(
            $"SELECT {Columns} FROM notifications WHERE user_name = @userName ORDER BY id DESC LIMIT @take OFFSET @skip",
            new { userName, take = pageSize, skip = (page - 1) * pageSize })).ToList();

    public Task<long> CountAsync(string userName) =>
        session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE user_name = @userName", new { userName });

    /// <summary>One indexed COUNT (ix_notifications_user): the admin menu asks it on every page.</summary>
    public Task<long> UnreadCountAsync(string userName) =>
        session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE user_name = @userName AND read_utc IS NULL", new { userName });

    public Task<UserNotification?> FindAsync(string userName, long id) =>
        session.QuerySingleOrDefaultAsync<UserNotification>(
            $"SELECT {Columns} FROM notifications WHERE id = @id AND user_name = @userName", new { id, userName });

    public Task<int> MarkReadAsync(string userName, long id) =>
        session.ExecuteAsync("UPDATE notifications SET read_utc = @now WHERE id = @id AND user_name = @userName AND read_utc IS NULL",
            new { id, userName, now = UnixTime.Now });

    public Task<int> MarkAllReadAsync(string userName) =>
        session.ExecuteAsync("UPDATE notifications SET read_utc = @now WHERE user_name = @userName AND read_utc IS NULL",
            new { userName, now = UnixTime.Now });
}
