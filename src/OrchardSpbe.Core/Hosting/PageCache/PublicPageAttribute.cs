namespace OrchardSpbe.Hosting.PageCache;

/// <summary>
/// Marks a controller or action whose anonymous GET answers the page cache may keep (<see cref="PageCacheMiddleware"/>):
/// public pages that read nothing of the visitor but the path, the public query keys and the UI language.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class PublicPageAttribute : Attribute;
