/**
 * What the store needs from its host, as small interfaces. VS Code's `Memento` satisfies
 * `KeyValueStorage`; tests pass an in-memory one. File access is injected for the same reason.
 */
export interface KeyValueStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

export interface FileAccess {
  /** The file's text, or undefined when it does not exist. */
  readText(path: string): Promise<string | undefined>;
  /** The file's size in bytes, or undefined when it does not exist. */
  size(path: string): Promise<number | undefined>;
  /** Replaces the file in one step (write a temporary file, then rename), creating folders. */
  writeTextAtomic(path: string, text: string): Promise<void>;
  /**
   * Appends whole lines to the file, creating it and its folders when missing: after `header`
   * when the file is missing or empty, and on a line of their own when the file does not end in
   * a newline (see linePrefix.ts). One call, so an implementation that must read the file to
   * append (workspace.fs) reads it once, and decides under the same lease as it writes.
   */
  appendLines(path: string, lines: string, header: string): Promise<void>;
  /** Deletes the file; nothing happens when it does not exist. */
  remove(path: string): Promise<void>;
  /**
   * Creates the file only if it does not exist yet, in one step: true for the one caller that
   * created it. Lets exactly one of several windows claim a reminder.
   */
  createExclusive(path: string, text: string): Promise<boolean>;
  join(...parts: string[]): string;
}

/** One thing that could not be read, said so a person can find it. */
export interface StoreProblem {
  /** Where it is, e.g. `sessions.jsonl line 17, field start` or `globalState certStudy.certifications[2].examDate`. */
  where: string;
  message: string;
  /** The backup file holding the untouched original, when one was written. */
  backupPath: string | null;
}
