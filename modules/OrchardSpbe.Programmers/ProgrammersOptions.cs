namespace OrchardSpbe.Programmers;

/// <summary>Settings of the programmer team (<c>Spbe:Programmers</c>).</summary>
public sealed class ProgrammersOptions
{
    public const string Section = "Spbe:Programmers";

    /// <summary>How often the term reminders look at the calendar (one small query per look).</summary>
    public TimeSpan ScheduleCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days before a term ends that the Ketua is reminded (a decision on extension needs time, 000 Pasal 15(1)).</summary>
    public int ReminderDaysBeforeEnd { get; set; } = 30;

    /// <summary>The Ketua Tim who signs the result letters (000 Pasal 9, 16(4)): the head of Diskominfostandi.</summary>
    public string ChairName { get; set; } = "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian";

    /// <summary>Days after an unsuccessful selection (returned, not passed) before the applicant's personal data is anonymised (UU PDP).</summary>
    public int AnonymiseRejectedAfterDays { get; set; } = 180;

    /// <summary>Largest applicant document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;
}
