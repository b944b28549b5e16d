import type { KeyValueStorage } from '../../../src/core/store/ports';

/**
 * A model of how VS Code keeps an extension's globalState, close enough to lose data the way the
 * real one does (microsoft/vscode#137132):
 * - each window's `Memento` holds the whole object in memory; `update` changes its copy and
 *   schedules one write of the WHOLE copy on a zero-delay timer;
 * - the workbench stores what arrives and echoes it back to every window, before it answers;
 * - an echo REPLACES the whole in-memory copy.
 * Every hop between the extension host and the workbench takes `latencyMs` (a timer), so writes
 * made while another is in flight interleave with its echo.
 */
export class Workbench {
  stored = '{}';
  readonly windows: EchoingMemento[] = [];
  constructor(readonly latencyMs = 4) {}

  hop(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /** A write arriving from one window: stored, echoed to every window, then answered. */
  async receive(whole: string): Promise<void> {
    await this.hop(); // the request travels to the workbench
    this.stored = whole;
    for (const w of this.windows) void this.hop().then(() => w.acceptEcho(whole));
    await this.hop(); // the answer travels back, after the echo (one channel, in order)
  }

  /** A new window (or the same one after a reload): reads what is stored. */
  open(): EchoingMemento {
    const memento = new EchoingMemento(this);
    this.windows.push(memento);
    return memento;
  }
}

export class EchoingMemento implements KeyValueStorage {
  private value: Record<string, unknown>;
  private waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;

  constructor(private readonly workbench: Workbench) {
    this.value = JSON.parse(workbench.stored) as Record<string, unknown>;
  }

  get<T>(key: string): T | undefined {
    return this.value[key] as T | undefined;
  }

  keys(): readonly string[] {
    return Object.keys(this.value).filter((k) => this.value[k] !== undefined);
  }

  update(key: string, value: unknown): Promise<void> {
    this.value[key] = value;
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => void this.flush(), 0);
    }
    return done;
  }

  acceptEcho(whole: string): void {
    this.value = JSON.parse(whole) as Record<string, unknown>;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const waiting = this.waiting;
    this.waiting = [];
    try {
      await this.workbench.receive(JSON.stringify(this.value));
      waiting.forEach((w) => w.resolve());
    } catch (err) {
      waiting.forEach((w) => w.reject(err));
    }
  }
}
