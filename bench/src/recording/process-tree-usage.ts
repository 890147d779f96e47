/**
 * CPU and memory of a process tree, sampled from /proc: the egress service and everything below it (its
 * `egress run-handler`, that handler's Chrome, Xvfb and GStreamer). The handler is started with setsid, so
 * the tree is found by parent links (/proc/<pid>/stat), not by process group or session.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

interface ProcSample {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in clock ticks. */
  ticks: number;
  /** In clock ticks since boot: tells a new process from an old one that got the same pid. */
  startTime: number;
  rssBytes: number;
}

const pageSize = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

function readProc(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // f[0] is field 3 (state): field n of proc(5) is f[n - 3].
    return {
      pid,
      comm,
      ppid: Number(f[1]),
      ticks: Number(f[11]) + Number(f[12]),
      startTime: Number(f[19]),
      rssBytes: Number(f[21]) * pageSize,
    };
  } catch {
    return undefined; // it exited while we looked
  }
}

function allProcesses(): ProcSample[] {
  const out: ProcSample[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const sample = readProc(Number(name));
    if (sample) out.push(sample);
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Proportional set size (shared pages split among their users), which unlike RSS sums honestly. */
function pssBytes(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Picks the roots of a tree to sample: a process and everything below it. */
export type TreeRoot = string | ((p: { pid: number; ppid: number; commandLine: string }) => boolean);

/** The processes `root` picks (by default: whose command line contains it), and all their descendants. */
function treeOf(root: TreeRoot): ProcSample[] {
  const processes = allProcesses();
  const children = new Map<number, ProcSample[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const isRoot =
    typeof root === 'string'
      ? (p: ProcSample) => p.pid !== process.pid && commandLine(p.pid).includes(root)
      : (p: ProcSample) => root({ pid: p.pid, ppid: p.ppid, commandLine: commandLine(p.pid) });
  const roots = processes.filter(isRoot);
  const tree = new Map<number, ProcSample>();
  const visit = (p: ProcSample) => {
    if (tree.has(p.pid)) return;
    tree.set(p.pid, p);
    for (const child of children.get(p.pid) ?? []) visit(child);
  };
  for (const root of roots) visit(root);
  return [...tree.values()];
}

export interface TreeUsage {
  samples: number;
  seconds: number;
  /** CPU over each interval, summed over the tree, in % of one core. */
  cpuMeanPercent: number;
  cpuPeakPercent: number;
  /** Sum of the tree's resident set sizes (counts shared pages once per process). */
  rssPeakMb: number;
  /** The same sum, averaged over the samples. */
  rssMeanMb: number;
  /** Sum of the tree's proportional set sizes. */
  pssPeakMb: number;
  processesPeak: number;
  /** Mean CPU by command name over the whole window, in % of one core, largest first. */
  cpuByCommand: Record<string, number>;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const mb = (bytes: number) => round1(bytes / 1024 / 1024);
const keyOf = (p: ProcSample) => `${p.pid}:${p.startTime}`;

/**
 * Samples the tree every `intervalMs` for `seconds`. CPU of an interval is the growth of utime + stime of
 * the processes seen at both ends, plus all of it for processes born during the interval.
 */
export async function sampleTree(root: TreeRoot, seconds: number, intervalMs = 500): Promise<TreeUsage> {
  let previous = new Map(treeOf(root).map((p) => [keyOf(p), p]));
  let previousAt = performance.now();
  const cpu: number[] = [];
  const ticksByCommand = new Map<string, number>();
  let rssPeak = 0;
  let rssSum = 0;
  let pssPeak = 0;
  let processesPeak = 0;
  const started = previousAt;
  while (performance.now() - started < seconds * 1000) {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, previousAt + intervalMs - performance.now())),
    );
    const tree = treeOf(root);
    const at = performance.now();
    let ticks = 0;
    for (const p of tree) {
      const before = previous.get(keyOf(p));
      const used = before ? p.ticks - before.ticks : p.ticks;
      ticks += used;
      ticksByCommand.set(p.comm, (ticksByCommand.get(p.comm) ?? 0) + used);
    }
    cpu.push((ticks / clockTicks / ((at - previousAt) / 1000)) * 100);
    const rss = tree.reduce((sum, p) => sum + p.rssBytes, 0);
    rssPeak = Math.max(rssPeak, rss);
    rssSum += rss;
    pssPeak = Math.max(
      pssPeak,
      tree.reduce((sum, p) => sum + pssBytes(p.pid), 0),
    );
    processesPeak = Math.max(processesPeak, tree.length);
    previous = new Map(tree.map((p) => [keyOf(p), p]));
    previousAt = at;
  }
  const elapsed = (previousAt - started) / 1000;
  const cpuByCommand = Object.fromEntries(
    [...ticksByCommand.entries()]
      .map(([comm, t]) => [comm, round1((t / clockTicks / elapsed) * 100)] as const)
      .filter(([, percent]) => percent > 0)
      .sort((a, b) => b[1] - a[1]),
  );
  return {
    samples: cpu.length,
    seconds: round1(elapsed),
    cpuMeanPercent: round1(cpu.reduce((sum, v) => sum + v, 0) / Math.max(1, cpu.length)),
    cpuPeakPercent: round1(Math.max(0, ...cpu)),
    rssPeakMb: mb(rssPeak),
    rssMeanMb: mb(rssSum / Math.max(1, cpu.length)),
    pssPeakMb: mb(pssPeak),
    processesPeak,
    cpuByCommand,
  };
}

/** The tree as it is now, to make sure nothing of it outlives the stack (see `killLeftovers`). */
export const treeSnapshot = (marker: string): string[] => treeOf(marker).map(keyOf);

/** SIGKILLs the processes of a snapshot that still run (the same process: same pid and start time). */
export function killLeftovers(snapshot: readonly string[]): number {
  let killed = 0;
  for (const key of snapshot) {
    const pid = Number(key.split(':')[0]);
    const now = readProc(pid);
    if (!now || keyOf(now) !== key) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch {
      // it exited meanwhile
    }
  }
  return killed;
}
