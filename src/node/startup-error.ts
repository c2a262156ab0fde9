// Why the service cannot start, in one German line for the operator: what is wrong, where, and
// what to do. main.ts prints the message alone, never a stack trace.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { storageProblem } from '../store/storage-problem.ts';

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The database at `path` could not be opened, checked or migrated. */
export function storeOpenError(path: string, error: unknown): StartupError {
  const dir = dirname(path);
  const code = (error as NodeJS.ErrnoException)?.code;
  const detail = String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 160);
  const problem = storageProblem(error);
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' && !existsSync(dir)) {
    return new StartupError(`Datenverzeichnis ${dir} kann nicht angelegt werden (${code}): bitte DATA_DIR prüfen.`);
  }
  if (problem === 'corrupt') {
    return new StartupError(`Die Datenbank ${path} ist beschädigt oder keine SQLite-Datei (${detail}): bitte eine Sicherung einspielen oder die Datei beiseitelegen, dann beginnt der Lotse mit einer leeren Datenbank.`);
  }
  if (problem === 'full') {
    return new StartupError(`Kein Speicherplatz mehr für die Datenbank ${path}: bitte Platz in ${dir} schaffen.`);
  }
  if (problem === 'readonly' || !writable(dir) || (existsSync(path) && !writableFile(path))) {
    return new StartupError(`Die Datenbank ${path} ist schreibgeschützt: der Lotse braucht Schreibrechte auf ${dir} und die Dateien darin (DATA_DIR).`);
  }
  return new StartupError(`Die Datenbank ${path} kann nicht geöffnet werden (${detail}): bitte DATA_DIR und die Datei prüfen.`);
}

function writableFile(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The HTTP server could not listen on HOST:PORT. */
export function listenError(host: string, port: number, error: unknown): StartupError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return new StartupError(`Port ${port} auf ${host} ist schon belegt (läuft der Lotse schon?): bitte den anderen Dienst beenden oder mit PORT einen freien Port wählen.`);
  if (code === 'EACCES') return new StartupError(`Keine Berechtigung, Port ${port} auf ${host} zu öffnen: bitte mit PORT einen Port über 1024 wählen.`);
  if (code === 'EADDRNOTAVAIL') return new StartupError(`Die Adresse ${host} gibt es auf diesem Rechner nicht: bitte HOST prüfen.`);
  return new StartupError(`Der Lotse kann nicht auf ${host}:${port} lauschen (${code ?? String(error)}).`);
}
