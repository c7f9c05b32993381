namespace OrchardSpbe.Localization;

/// <summary>UI texts many modules show the same way (localisation keys, translated in Strings.en.resx).</summary>
public static class CommonText
{
    /// <summary>An optimistic-concurrency refusal: someone saved since this form was opened.</summary>
    public const string StaleEdit = "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi perubahan Anda.";
}
