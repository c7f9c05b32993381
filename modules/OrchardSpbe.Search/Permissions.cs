using OrchardSpbe.Security;

namespace OrchardSpbe.Search;

public static class Permissions
{
    public static readonly Permission ManageSearchIndexes = new("ManageSearchIndexes", "Kelola indeks pencarian", Manifest.FeatureId);
}
