namespace OrchardSpbe.Themes.Admin;

/// <summary>The admin theme: _AdminLayout and its assets, served under /themes/OrchardSpbe.Themes.Admin/.</summary>
public sealed class AdminTheme
{
    public const string AssetPath = "~/themes/OrchardSpbe.Themes.Admin/";
}
