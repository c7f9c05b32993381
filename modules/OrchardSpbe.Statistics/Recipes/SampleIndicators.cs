using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Recipes;

/// <summary>
/// Plausible indicators and values for the sample PD sites, so a newcomer's first run shows charts. Every one is
/// labelled "data contoh" in its name and tags: these are not official figures. Values come from a fixed seed.
/// </summary>
public static class SampleIndicators
{
    public const string Label = "data contoh";

    public sealed record Sample(string Title, IndicatorPart Part, Func<DateTimeOffset, IEnumerable<ObservationInput>> Values);

    public static IReadOnlyList<Sample> For(string tenant) => tenant switch
    {
        "dinkes" => [DbdCases],
        "disdukcapil" => [Population],
        "disnaker" => [JobSeekers],
        "disdik" => [SchoolParticipation],
        _ => [],
    };

    private static IEnumerable<Area> CityAndKecamatan => AreaCodes.All.Where(a => a.Level != AreaLevel.Kelurahan);

    private static readonly Sample DbdCases = new("Kasus demam berdarah dengue (DBD) per kecamatan [data contoh]", new IndicatorPart
    {
        Code = "DBD-KASUS", Category = IndicatorCategories.Sektoral, DataGroup = "kesehatan", Periodicity = Periodicity.Bulanan,
        Concept = "Demam berdarah dengue adalah penyakit yang disebabkan virus dengue dan ditularkan nyamuk Aedes aegypti.",
        Definition = "Jumlah kasus DBD yang tercatat di fasilitas kesehatan menurut kecamatan tempat tinggal penderita dalam satu bulan.",
        Interpretation = "DATA CONTOH, bukan data resmi. Kenaikan kasus pada musim hujan menandakan perlunya pemberantasan sarang nyamuk.",
        Method = "Penjumlahan kasus DBD terkonfirmasi dari laporan puskesmas dan rumah sakit.", Measure = "Jumlah", Unit = "kasus",
        PresentationClassification = "Menurut kecamatan", EstimationLevel = "kecamatan", Tags = ["dbd", "penyakit menular", Label],
    }, now => Monthly(now, 24, seed: 11, (month, area) => area.Level == AreaLevel.Kota ? 0 : 4 + 10 * Season(month)));

    private static readonly Sample Population = new("Jumlah penduduk per kecamatan menurut jenis kelamin [data contoh]", new IndicatorPart
    {
        Code = "PENDUDUK", Category = IndicatorCategories.Sektoral, DataGroup = "kependudukan", Periodicity = Periodicity.Semesteran,
        Concept = "Penduduk adalah warga negara Indonesia dan orang asing yang bertempat tinggal di Kota Bekasi.",
        Definition = "Jumlah penduduk yang terdaftar dalam database kependudukan pada akhir semester, menurut kecamatan dan jenis kelamin.",
        Interpretation = "DATA CONTOH, bukan data resmi.", Method = "Agregat data kependudukan (SIAK) pada akhir semester.",
        Measure = "Jumlah", Unit = "jiwa", PresentationClassification = "Menurut kecamatan dan jenis kelamin", EstimationLevel = "kecamatan",
        DisaggregationName = "Jenis kelamin", Disaggregations = ["Laki-laki", "Perempuan"], Tags = ["kependudukan", Label],
    }, now => PopulationValues(now));

    private static readonly Sample JobSeekers = new("Pencari kerja terdaftar [data contoh]", new IndicatorPart
    {
        Code = "PENCAKER", Category = IndicatorCategories.Sektoral, DataGroup = "ketenagakerjaan", Periodicity = Periodicity.Bulanan,
        Concept = "Pencari kerja adalah angkatan kerja yang sedang menganggur dan mendaftar untuk mencari pekerjaan.",
        Definition = "Jumlah pencari kerja yang mendaftar (kartu AK/I) di dinas dalam satu bulan.", Interpretation = "DATA CONTOH, bukan data resmi.",
        Method = "Penjumlahan pendaftaran kartu AK/I.", Measure = "Jumlah", Unit = "orang", EstimationLevel = "kota", Tags = ["pengangguran", Label],
    }, now => Monthly(now, 24, seed: 23, (month, area) => area.Level == AreaLevel.Kota ? 900 + 300 * Season(month) : -1));

    private static readonly Sample SchoolParticipation = new("Angka partisipasi sekolah usia 7–12 tahun [data contoh]", new IndicatorPart
    {
        Code = "APS-7-12", Category = IndicatorCategories.Sektoral, DataGroup = "pendidikan", Periodicity = Periodicity.Tahunan,
        Concept = "Angka partisipasi sekolah mengukur daya serap sistem pendidikan terhadap penduduk usia sekolah.",
        Definition = "Persentase penduduk usia 7–12 tahun yang sedang bersekolah terhadap seluruh penduduk usia 7–12 tahun.",
        Interpretation = "DATA CONTOH, bukan data resmi. Makin mendekati 100 persen makin baik.",
        Method = "APS = (penduduk 7–12 tahun yang bersekolah / penduduk 7–12 tahun) × 100", Measure = "Persentase", Unit = "persen",
        EstimationLevel = "kecamatan", Decimals = 2, Tags = ["pendidikan dasar", Label],
    }, now => Yearly(now));

    private static double Season(int month) => month is 12 or 1 or 2 or 3 ? 1.0 : month is 4 or 11 ? 0.5 : 0.15;

    private static IEnumerable<ObservationInput> Monthly(DateTimeOffset now, int months, int seed, Func<int, Area, double> baseline)
    {
        var random = new Random(seed);
        var period = StatPeriod.Containing(now, Periodicity.Bulanan);
        var periods = new List<StatPeriod>();
        for (var i = 0; i < months; i++) { period = period.Previous(); periods.Insert(0, period); }
        foreach (var p in periods)
        {
            double total = 0;
            foreach (var area in CityAndKecamatan.Where(a => a.Level == AreaLevel.Kecamatan))
            {
                var b = baseline(p.Number, area);
                if (b < 0) continue;
                var value = Math.Round(b * (0.7 + random.NextDouble() * 0.6));
                total += value;
                yield return new ObservationInput(p.ToString(), area.Code, "", value, ObservationStatus.Tetap, null);
            }
            var city = baseline(p.Number, AreaCodes.City);
            yield return new ObservationInput(p.ToString(), AreaCodes.CityCode, "", city > 0 ? Math.Round(city * (0.8 + random.NextDouble() * 0.4)) : total, ObservationStatus.Tetap, null);
        }
    }

    private static IEnumerable<ObservationInput> PopulationValues(DateTimeOffset now)
    {
        var random = new Random(5);
        var last = StatPeriod.Containing(now, Periodicity.Semesteran).Previous();
        var periods = new[] { last.Previous().Previous().Previous(), last.Previous().Previous(), last.Previous(), last };
        var sizes = AreaCodes.Kecamatan.ToDictionary(a => a.Code, _ => 150_000 + random.Next(0, 150_000));
        for (var i = 0; i < periods.Length; i++)
        {
            double male = 0, female = 0;
            foreach (var (code, size) in sizes)
            {
                var total = Math.Round(size * (1 + 0.006 * i));
                var m = Math.Round(total * 0.503);
                male += m; female += total - m;
                yield return new ObservationInput(periods[i].ToString(), code, "", total, ObservationStatus.Tetap, null);
                yield return new ObservationInput(periods[i].ToString(), code, "Laki-laki", m, ObservationStatus.Tetap, null);
                yield return new ObservationInput(periods[i].ToString(), code, "Perempuan", total - m, ObservationStatus.Tetap, null);
            }
            yield return new ObservationInput(periods[i].ToString(), AreaCodes.CityCode, "", male + female, ObservationStatus.Tetap, null);
            yield return new ObservationInput(periods[i].ToString(), AreaCodes.CityCode, "Laki-laki", male, ObservationStatus.Tetap, null);
            yield return new ObservationInput(periods[i].ToString(), AreaCodes.CityCode, "Perempuan", female, ObservationStatus.Tetap, null);
        }
    }

    private static IEnumerable<ObservationInput> Yearly(DateTimeOffset now)
    {
        var random = new Random(7);
        var year = StatPeriod.Containing(now, Periodicity.Tahunan).Year - 1;
        for (var y = year - 4; y <= year; y++)
        {
            foreach (var area in CityAndKecamatan)
                yield return new ObservationInput(y.ToString(), area.Code, "", Math.Round(96 + (y - year + 4) * 0.5 + random.NextDouble() * 1.5, 2),
                    y == year ? ObservationStatus.Sementara : ObservationStatus.Tetap, null);
        }
    }
}
