using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Contents.ViewModels;

namespace OrchardSpbe.Contents.ViewComponents;

/// <summary>
/// What a reviewer is asked to approve (issue 16 §2): one version of an item as the public will see it, and what it
/// changes against the version that is public now. Other modules (the Workflows task page) invoke it by its name,
/// "ContentVersionReview", and authorise the reader themselves.
/// </summary>
public sealed class ContentVersionReviewViewComponent(ContentManager contents, DisplayModels models) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string contentItemId, string versionId)
    {
        var version = await contents.Store.GetVersionAsync(versionId);
        if (version is null || version.ContentItemId != contentItemId) return Content("");
        var published = await contents.GetAsync(contentItemId, published: true);
        return View("~/Areas/Contents/Views/AdminContent/_VersionReview.cshtml", new VersionReviewViewModel
        {
            Display = await models.BuildAsync(version),
            Published = published,
            Changes = published is null || published.ContentItemVersionId == versionId ? null : VersionDiff.Compare(published, version),
        });
    }
}
