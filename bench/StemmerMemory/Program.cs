// Measures what the root dictionary costs (bench/RESULTS.md, "the dictionary stemmer"). Argument: a folder of .txt files (default /work/shared/seeds).
using System.Diagnostics;
using Lucene.Net.Analysis.Id;
using OrchardSpbe.Search.Indexing;
using OrchardSpbe.Search.Stemming;

// 1. What the process-wide dictionary costs in memory: RSS and managed heap before and after loading it.
static (double Rss, double Heap) Memory()
{
    GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    var p = Process.GetCurrentProcess(); p.Refresh();
    return (p.WorkingSet64 / 1048576.0, GC.GetTotalMemory(true) / 1048576.0);
}
var text = string.Join("\n", Directory.GetFiles(args.Length > 0 ? args[0] : "/work/shared/seeds", "*.txt").Select(File.ReadAllText));
var stock = new IndonesianAnalyzer(SearchAnalyzers.Version);
SearchAnalyzers.Terms(stock, "pemanasan mesin");   // load Lucene's analysis code first, so it is not counted
var before = Memory();
var size = RootDictionary.Current.Count;
var loaded = Memory();
Console.WriteLine($"dictionary: {size} roots; RSS {before.Rss:F1} → {loaded.Rss:F1} MB (+{loaded.Rss - before.Rss:F1}); managed heap +{loaded.Heap - before.Heap:F1} MB");
var ours = SearchAnalyzers.Indonesian;
var tokens = SearchAnalyzers.Terms(ours, text).Count;
var cached = Memory();
Console.WriteLine($"after stemming the seeds once (stem cache filled): RSS {cached.Rss:F1} MB (+{cached.Rss - before.Rss:F1} over no dictionary); heap +{cached.Heap - before.Heap:F1} MB");

// 2. Analysis throughput, the bulk of an index build: the seeds (218 KB, 5 regulations) analysed 20 times each way.
foreach (var (name, analyzer) in new[] { ("stock IndonesianAnalyzer", (Lucene.Net.Analysis.Analyzer)stock), ("IndonesianRootAnalyzer", ours), ("stock IndonesianAnalyzer", stock), ("IndonesianRootAnalyzer", ours) })
{
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var n = 0;
    for (var i = 0; i < 20; i++) n += SearchAnalyzers.Terms(analyzer, text).Count;
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"{name,-26} {n / 20} tokens a pass; {20 * text.Length / 1024.0 / used.TotalSeconds:F0} KB/s of CPU ({used.TotalMilliseconds / 20:F1} ms CPU a pass, wall {clock.ElapsedMilliseconds / 20.0:F1} ms)");
}
