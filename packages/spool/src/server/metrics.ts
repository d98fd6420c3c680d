import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PublishJobState } from '../store/publish-jobs.js';
import type { ExportJobState } from '../store/export-jobs.js';

/** How a job on the worker pool ended: done, failed (bad input, a crash, the time limit) or turned away. */
export type JobOutcome = 'done' | 'failed' | 'refused';

export type JobObserver = (kind: string, outcome: JobOutcome, seconds: number) => void;

export interface MetricSources {
  pool(): { workers: number; running: number; waiting: number };
  publishJobs(): Partial<Record<PublishJobState, number>>;
  exportJobs(): Partial<Record<ExportJobState, number>>;
}

const PUBLISH_STATES: PublishJobState[] = ['scheduled', 'running', 'retrying', 'done', 'failed', 'cancelled'];
const EXPORT_STATES: ExportJobState[] = ['queued', 'running', 'done', 'failed'];

/**
 * What one server counts: its jobs by kind and outcome with their times, the worker pool's load and
 * the publish queue by state, in a registry of its own (several servers can share a process), read as
 * Prometheus text at /metrics and summed up at /api/health. prom-client keeps the counting and the
 * text format; Node's own figures (memory, event loop delay, CPU) come with it.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly started = Date.now();
  private readonly jobs: Counter<'kind' | 'outcome'>;
  private readonly jobSeconds: Histogram<'kind'>;
  private readonly totals: Record<JobOutcome, number> = { done: 0, failed: 0, refused: 0 };
  private readonly exportsDone: Counter<'outcome'>;
  private readonly exportSeconds: Histogram;

  constructor(private readonly sources: MetricSources) {
    const registers = [this.registry];
    this.jobs = new Counter({ name: 'spool_jobs_total', help: 'Jobs on the worker pool (exports, bundles, imports, image and font checks), by kind and outcome.', labelNames: ['kind', 'outcome'], registers });
    this.jobSeconds = new Histogram({
      name: 'spool_job_duration_seconds',
      help: 'Time from a job entering the worker pool to its answer, waiting included.',
      labelNames: ['kind'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    const pool = (pick: 'workers' | 'running' | 'waiting') => function (this: Gauge) {
      this.set(sources.pool()[pick]);
    };
    new Gauge({ name: 'spool_pool_workers', help: 'Worker threads started.', registers, collect: pool('workers') });
    new Gauge({ name: 'spool_pool_running', help: 'Jobs being worked on now.', registers, collect: pool('running') });
    new Gauge({ name: 'spool_pool_waiting', help: 'Jobs waiting for a worker.', registers, collect: pool('waiting') });
    stateGauge(registers, 'spool_publish_jobs', 'Scheduled and past posts to LinkedIn and Instagram, by state.', PUBLISH_STATES, () => sources.publishJobs());
    stateGauge(registers, 'spool_export_jobs', 'Exports asked for as jobs (POST /api/exports), by state: queued is the queue depth.', EXPORT_STATES, () => sources.exportJobs());
    this.exportsDone = new Counter({ name: 'spool_export_jobs_total', help: 'Export jobs finished by this server, by outcome (done or failed).', labelNames: ['outcome'], registers });
    this.exportSeconds = new Histogram({
      name: 'spool_export_job_duration_seconds',
      help: 'Time from an export job being queued to its file, waiting included.',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'spool_' });
  }

  readonly observeJob: JobObserver = (kind, outcome, seconds) => {
    this.jobs.inc({ kind, outcome });
    this.totals[outcome]++;
    if (outcome !== 'refused') this.jobSeconds.observe({ kind }, seconds);
  };

  readonly observeExport: JobObserver = (_kind, outcome, seconds) => {
    this.exportsDone.inc({ outcome });
    this.exportSeconds.observe(seconds);
  };

  /** The short version, for /api/health. */
  health(): {
    uptimeSeconds: number;
    pool: ReturnType<MetricSources['pool']> & { jobs: Record<JobOutcome, number> };
    publish: Partial<Record<PublishJobState, number>>;
    exports: Partial<Record<ExportJobState, number>>;
  } {
    return {
      uptimeSeconds: Math.round((Date.now() - this.started) / 1000),
      pool: { ...this.sources.pool(), jobs: { ...this.totals } },
      publish: this.sources.publishJobs(),
      exports: this.sources.exportJobs(),
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** A gauge of jobs by state, read from the store whenever the metrics are read. */
function stateGauge<S extends string>(registers: Registry[], name: string, help: string, states: readonly S[], counts: () => Partial<Record<S, number>>): void {
  new Gauge({
    name,
    help,
    labelNames: ['state'],
    registers,
    collect(this: Gauge<'state'>) {
      const now = counts();
      for (const state of states) this.set({ state }, now[state] ?? 0);
    },
  });
}
