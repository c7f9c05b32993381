namespace OrchardSpbe.Themes.Site;

/// <summary>The public theme of the city portal and the PD sites: the site's name, logo and colour come from its settings.</summary>
public sealed class SiteTheme
{
    public const string AssetPath = "~/themes/OrchardSpbe.Themes.Site/";
}
