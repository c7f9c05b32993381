using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Notifications.Services;
using OrchardSpbe.Notifications.ViewModels;

namespace OrchardSpbe.Notifications.Controllers;

/// <summary>The signed-in user's own notifications: newest first, opened one by one or all marked read.</summary>
[Area("Notifications")]
[RequireFeature(Manifest.FeatureId)]
[Authorize]
[Route("admin/notifications")]
public sealed class NotificationsController(NotificationStore notifications, IStringLocalizer<Strings> T) : Controller
{
    private const int PageSize = 20;

    private string UserName => User.Identity!.Name!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Max(1, page);
        var total = await notifications.CountAsync(UserName);
        return View(new NotificationListViewModel
        {
            Items = await notifications.ListAsync(UserName, page, PageSize),
            Unread = await notifications.UnreadCountAsync(UserName),
            Pager = new Pager(page, Pager.PageCountOf(total, PageSize), n => Url.Action(nameof(Index), new { page = n })!),
        });
    }

    /// <summary>
    /// Opens a notification: marks it read and goes to its page. A GET, so it is a plain link; a forged request
    /// could only mark the visitor's own notification read.
    /// </summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id)
    {
        // Another user's notification is not found, exactly like one that does not exist.
        if (await notifications.FindAsync(UserName, id) is not { } notification) return NotFound();
        await notifications.MarkReadAsync(UserName, id);
        if (notification.Link is { } link && Url.IsLocalUrl(link)) return LocalRedirect(Url.Content("~" + link));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> MarkAllRead()
    {
        var marked = await notifications.MarkAllReadAsync(UserName);
        TempData["Message"] = T["{0} notifikasi ditandai sudah dibaca.", marked].Value;
        return RedirectToAction(nameof(Index));
    }
}
