/** Sizes, rates and times as the tray and the library show them. */
import type { ByteProgress } from '../../../src-shared/domain/exports.js';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s left`;
  return `${Math.floor(m / 60)} h ${m % 60} min left`;
}

/** "12 MB of 40 MB · 3 MB/s · 9 s left" (parts that are unknown are left out). */
export function progressLine(progress: ByteProgress): string {
  const parts = [
    progress.total === null
      ? formatBytes(progress.bytes)
      : `${formatBytes(progress.bytes)} of ${formatBytes(progress.total)}`,
  ];
  if (progress.bytesPerSecond > 0) parts.push(formatRate(progress.bytesPerSecond));
  const eta = formatEta(progress.etaSeconds);
  if (eta) parts.push(eta);
  return parts.join(' · ');
}

/** 0..1 when the total is known, else null (an indeterminate bar). */
export function fractionOf(progress: { bytes: number; total: number | null }): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(1, progress.bytes / progress.total);
}
