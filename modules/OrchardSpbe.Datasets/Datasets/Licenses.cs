namespace OrchardSpbe.Datasets.Datasets;

public sealed record License(string Id, string Title, string Url, bool OpenData);

/// <summary>CKAN's default licence ids (so harvesters and clients map them unchanged) plus the city's own.</summary>
public static class Licenses
{
    public const string CityOpen = "kota-bekasi-terbuka";

    public static readonly IReadOnlyList<License> All =
    [
        new("cc-by", "Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by", true),
        new("cc-by-sa", "Creative Commons Attribution Share-Alike", "http://www.opendefinition.org/licenses/cc-by-sa", true),
        new("cc-zero", "Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero", true),
        new("cc-nc", "Creative Commons Non-Commercial (Any)", "http://creativecommons.org/licenses/by-nc/2.0/", false),
        new("gfdl", "GNU Free Documentation License", "http://www.opendefinition.org/licenses/gfdl", true),
        new("notspecified", "License not specified", "http://www.opendefinition.org/licenses/notspecified", false),
        new("odc-by", "Open Data Commons Attribution License", "http://www.opendefinition.org/licenses/odc-by", true),
        new("odc-odbl", "Open Data Commons Open Database License (ODbL)", "http://www.opendefinition.org/licenses/odc-odbl", true),
        new("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)", "http://www.opendefinition.org/licenses/odc-pddl", true),
        new("other-at", "Other (Attribution)", "http://www.opendefinition.org/licenses/other-at", true),
        new("other-closed", "Other (Not Open)", "http://www.opendefinition.org/licenses/other-closed", false),
        new("other-nc", "Other (Non-Commercial)", "http://www.opendefinition.org/licenses/other-nc", false),
        new("other-open", "Other (Open)", "http://www.opendefinition.org/licenses/other-open", true),
        new("other-pd", "Other (Public Domain)", "http://www.opendefinition.org/licenses/other-pd", true),
        new("uk-ogl", "UK Open Government Licence (OGL)", "http://reference.data.gov.uk/id/open-government-licence", true),
        new(CityOpen, "Lisensi Data Terbuka Pemerintah Kota Bekasi", "https://bekasikota.go.id/lisensi-data-terbuka", true),
    ];

    public static License? Find(string? id) => All.FirstOrDefault(l => l.Id == id);
}
