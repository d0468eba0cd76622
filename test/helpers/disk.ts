/** Small real file systems for the disk-full tests: a tmpfs (as root) and a filler file. */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Fill the file system of `dir` leaving about `leaveBytes` free; returns the filler's path. */
export function fill(dir: string, leaveBytes: number): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(1 << 20, 0x5a);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    ftruncateSync(fd, Math.max(0, fstatSync(fd).size - leaveBytes));
    closeSync(fd);
  }
  return filler;
}
