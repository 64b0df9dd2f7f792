// Preloaded (--import) into a process the benchmark measures: at exit, its CPU time (all threads,
// microseconds) and its peak resident memory (maxRSS, KiB) go to the file named by FASHEN_BENCH_CPU_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.FASHEN_BENCH_CPU_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ ...process.cpuUsage(), maxRSS: process.resourceUsage().maxRSS })));
