/** Small helpers the benchmarks share: medians, formatting, timing a child process. */
import { spawn } from 'node:child_process';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface ChildRun {
  ms: number;
  stdout: string;
}

/** Runs a command to completion, timing it from spawn to exit; rejects on a non-zero exit. */
export function timeChild(cmd: string, args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ ms: performance.now() - started, stdout });
      else reject(new Error(`${cmd} exited with ${code}`));
    });
  });
}

/** Prints one result line in a fixed shape so runs can be compared. */
export function report(name: string, value: string, target?: string, pass?: boolean): void {
  const verdict = pass === undefined ? '' : pass ? '  [meets target]' : '  [MISSES target]';
  console.log(`${name.padEnd(44)} ${value}${target ? `   (target ${target})` : ''}${verdict}`);
}
