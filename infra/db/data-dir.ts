import fs from 'node:fs/promises';
import { ConfigError } from '../fatal';

/** Why a folder cannot hold the data, for a person: Italian, then English. */
const REASONS: Record<string, [string, string]> = {
  EROFS: ['il file system è in sola lettura', 'the file system is read-only'],
  EACCES: ['permesso negato', 'permission denied'],
  EPERM: ['operazione non permessa', 'operation not permitted'],
  ENOTDIR: ['un elemento del percorso è un file, non una cartella', 'a part of the path is a file, not a folder'],
  EEXIST: ['esiste già un file con quel nome', 'a file of that name already exists'],
  ENOSPC: ['il disco è pieno', 'the disk is full'],
  EDQUOT: ['la quota del disco è esaurita', 'the disk quota is exhausted'],
};

/**
 * Creates the data folder (DATA_DIR) if missing and checks this process can write in it, so that a
 * wrong setting stops a command at once with one line naming DATA_DIR, not later with a bare `EROFS … mkdir`.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const [it, en] = REASONS[code] ?? [`errore ${code}`, `error ${code}`];
    throw new ConfigError(
      `DATA_DIR=${dataDir} non è una cartella scrivibile (${it}): scegli un'altra DATA_DIR o correggi i permessi ` +
        `/ DATA_DIR=${dataDir} is not a writable folder (${en}): choose another DATA_DIR or fix its permissions`,
    );
  }
}
