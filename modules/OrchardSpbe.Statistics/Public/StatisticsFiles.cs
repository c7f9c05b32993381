using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using OrchardSpbe.Reference;

namespace OrchardSpbe.Statistics.Public;

/// <summary>
/// An indicator's values as a download in open formats (001 Pasal 16): CSV, XLSX, JSON and XML, with the same
/// columns — PD, indicator, period, area code and name, disaggregation, value, status, unit.
/// </summary>
public static class StatisticsFiles
{
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["csv"] = "text/csv; charset=utf-8",
        ["xlsx"] = TableFiles.XlsxType,
        ["json"] = "application/json; charset=utf-8",
        ["xml"] = "application/xml; charset=utf-8",
    };

    public static readonly IReadOnlyList<string> Columns = ["pd", "kode_indikator", "periode", "kode_wilayah", "nama_wilayah", "disagregasi", "nilai", "status", "satuan"];

    public static (byte[] Content, string Type) Write(string format, PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName)
    {
        var table = rows.Select(o => new object?[] { o.Tenant, o.Code, o.Period, o.Area, AreaCodes.NameOf(o.Area), o.Disaggregation, o.Value, o.Status, indicator.Unit });
        return format switch
        {
            "csv" => (TableFiles.Csv(Columns, table), Formats[format]),
            "xlsx" => (TableFiles.Xlsx(Columns, table), Formats[format]),
            "json" => (Json(indicator, rows, pdName), Formats[format]),
            _ => (Xml(indicator, rows, pdName), Formats[format]),
        };
    }

    private static byte[] Json(PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            indikator = new { pd = indicator.Tenant, namaPd = pdName, kode = indicator.Code, nama = indicator.Title, satuan = indicator.Unit, periodisitas = indicator.PeriodicityCode, metadata = indicator.Metadata },
            data = rows.Select(o => new { periode = o.Period, kodeWilayah = o.Area, namaWilayah = AreaCodes.NameOf(o.Area), disagregasi = o.Disaggregation, nilai = o.Value, status = o.Status }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    private static byte[] Xml(PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName)
    {
        using var buffer = new MemoryStream();
        // CheckCharacters: a character XML cannot hold is an error here, never a broken document.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true }))
        {
            xml.WriteStartElement("statistik");
            xml.WriteStartElement("indikator");
            xml.WriteAttributeString("pd", indicator.Tenant);
            xml.WriteAttributeString("namaPd", XmlText(pdName));
            xml.WriteAttributeString("kode", indicator.Code);
            xml.WriteAttributeString("nama", XmlText(indicator.Title));
            xml.WriteAttributeString("satuan", XmlText(indicator.Unit));
            xml.WriteAttributeString("periodisitas", indicator.PeriodicityCode);
            foreach (var o in rows)
            {
                xml.WriteStartElement("nilai");
                xml.WriteAttributeString("periode", o.Period);
                xml.WriteAttributeString("kodeWilayah", o.Area);
                xml.WriteAttributeString("namaWilayah", AreaCodes.NameOf(o.Area));
                if (o.Disaggregation.Length > 0) xml.WriteAttributeString("disagregasi", XmlText(o.Disaggregation));
                xml.WriteAttributeString("status", o.Status);
                xml.WriteString(o.Value.ToString("R", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, U+FFFE) from free text.</summary>
    public static string XmlText(string text) => text.All(Allowed) ? text : new string(text.Where(Allowed).ToArray());

    // Surrogates come in pairs that XML carries as one character; IsXmlChar judges single UTF-16 units.
    private static bool Allowed(char c) => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);
}
