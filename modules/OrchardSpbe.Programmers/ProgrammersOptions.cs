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

    /// <summary>Day of the next month a monthly report is due (000 Pasal 20(1); as the statistics hand-over has its due date).</summary>
    public int MonthlyDueDay { get; set; } = 10;

    /// <summary>Day of the month after a quarter that the quarterly report is due.</summary>
    public int QuarterlyDueDay { get; set; } = 10;

    /// <summary>Days after a term ends that the end-of-term report is due.</summary>
    public int FinalDueDays { get; set; } = 14;

    /// <summary>Days before a due date that the member is reminded of a report not yet filed.</summary>
    public int DueReminderDaysBefore { get; set; } = 3;

    /// <summary>Largest applicant document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;
}
