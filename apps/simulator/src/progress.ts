/** What a simulation has done and seen so far. */
export interface SimulationCounts {
  /** Tickets the gateway (202) or the broker took. */
  sent: number;
  sentHttp: number;
  sentKafka: number;
  /** Seen on the event stream, for this run's tickets. */
  accepted: number;
  rejected: number;
  assigned: number;
  unassignable: number;
  completed: number;
  surveysScheduled: number;
  surveyed: number;
  satisfied: number;
  /** The unsatisfied loop (domain.md §5): reopenings after an unsatisfied survey, and escalations to management at the attempt limit. */
  reopened: number;
  escalated: number;
  warned: number;
  breached: number;
  /** Phone callbacks (issue 7): attempts a simulated agent claimed, calls answered and not answered, callbacks closed unreachable. */
  callbacksClaimed: number;
  callsAnswered: number;
  noAnswers: number;
  unreachable: number;
  /** Technician actions and survey answers the gateway took (by SMS/web or recorded by an agent). */
  actions: number;
  answers: number;
  /** Failed calls: HTTP errors, Kafka sends, the event stream. */
  errors: number;
}

export function zeroCounts(): SimulationCounts {
  return {
    sent: 0,
    sentHttp: 0,
    sentKafka: 0,
    accepted: 0,
    rejected: 0,
    assigned: 0,
    unassignable: 0,
    completed: 0,
    surveysScheduled: 0,
    surveyed: 0,
    satisfied: 0,
    reopened: 0,
    escalated: 0,
    warned: 0,
    breached: 0,
    callbacksClaimed: 0,
    callsAnswered: 0,
    noAnswers: 0,
    unreachable: 0,
    actions: 0,
    answers: 0,
    errors: 0,
  };
}

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The one-line progress display. */
export function formatProgress(c: SimulationCounts, elapsedMs: number): string {
  const via = c.sentKafka > 0 ? ` (http ${c.sentHttp}, kafka ${c.sentKafka})` : '';
  const calls = c.callbacksClaimed > 0 ? ` (calls ${c.callbacksClaimed}, no answer ${c.noAnswers})` : '';
  const sla = c.warned > 0 || c.breached > 0 ? ` · sla warned ${c.warned} breached ${c.breached}` : '';
  return `[${formatElapsed(elapsedMs)}] sent ${c.sent}${via} · accepted ${c.accepted} · assigned ${c.assigned} · completed ${c.completed} · surveyed ${c.surveyed}${calls}${sla} · errors ${c.errors}`;
}

export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Shows the progress line: redrawn in place on a terminal, a plain line every `plainEveryMs`
 * otherwise (logs, CI). Other output goes through `print` so it does not tangle with the line.
 */
export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly out: ProgressOutput,
    private readonly counts: () => SimulationCounts,
    private readonly options: { ttyEveryMs?: number; plainEveryMs?: number } = {},
  ) {}

  start(): void {
    const every = this.out.isTTY ? (this.options.ttyEveryMs ?? 500) : (this.options.plainEveryMs ?? 10_000);
    this.timer = setInterval(() => this.render(), every);
    this.timer.unref();
    if (this.out.isTTY) this.render();
  }

  print(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
    if (this.out.isTTY && this.timer) this.render();
  }

  /** Stops refreshing and leaves the final line on its own line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
    this.out.write(`${this.line()}\n`);
  }

  private line(): string {
    return formatProgress(this.counts(), Date.now() - this.started);
  }

  private render(): void {
    if (this.out.isTTY) {
      const width = this.out.columns ?? 200;
      const line = this.line();
      this.out.write(`\r\x1b[2K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
      this.drawn = true;
    } else {
      this.out.write(`${this.line()}\n`);
    }
  }

  private clear(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
