import { hostname } from 'node:os';

/** Who holds an archive's write lock, as the holder wrote it down. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export function describeHolder(holder: LockHolder): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(holder.since)) / 1000));
  return `\`${holder.command}\`, process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, ${seconds === 0 ? 'started just now' : `running for ${seconds} s`}`;
}
