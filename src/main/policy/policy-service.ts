import { unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { PolicyReport } from '../../shared/model';
import { readJsonFile, writeJsonFileAtomic } from '../config/json-file';
import type { Logger } from '../health/logger';
import type { Clock } from '../ports';
import { readPolicyFile, type PolicyRead } from './policy-file';
import { NO_POLICY, PolicySchema, type Policy } from './policy-schema';

export interface PolicyServiceDeps {
  /** The file IT deploys (see policy-path.ts). */
  path: string;
  /** Where the last good copy is kept: the kiosk's own data folder, not IT's folder. */
  dataDir: string;
  clock: Clock;
  log: Logger;
  /** How often the file is looked at; a stat every few seconds also works on folders that fs.watch cannot see. */
  pollMs?: number;
  /** Editors and deployment tools write a file in several steps: act on the last of a burst. */
  debounceMs?: number;
}

export type PolicyListener = (policy: Policy, report: PolicyReport) => void;

/** Nothing read yet, or nothing to read: no policy in force. */
export function noPolicyReport(path: string, now: Date): PolicyReport {
  return { path, status: 'none', inForce: 'none', version: null, problems: [], checkedAt: now.toISOString() };
}

/**
 * IT's policy file, kept in force: validated on every change, a bad or cut-off file is reported (admin screen, log,
 * and whoever listens to `onProblem`, e.g. health mail) while the last good copy stays in force.
 */
export class PolicyService {
  private policy: Policy = NO_POLICY;
  private state: PolicyReport;
  private readonly lastGoodPath: string;
  private readonly changeListeners = new Set<PolicyListener>();
  private readonly problemListeners = new Set<(report: PolicyReport) => void>();
  private timer: NodeJS.Timeout | null = null;
  private loading: Promise<void> = Promise.resolve();

  /** What a host does at start: read the file (or the last good copy) before building the app, then keep watching. */
  static async open(deps: PolicyServiceDeps): Promise<PolicyService> {
    const service = new PolicyService(deps);
    await service.load();
    service.watch();
    return service;
  }

  constructor(private readonly deps: PolicyServiceDeps) {
    this.lastGoodPath = join(deps.dataDir, 'policy.last-good.json');
    this.state = noPolicyReport(deps.path, deps.clock.now());
  }

  current(): Policy {
    return this.policy;
  }

  report(): PolicyReport {
    return this.state;
  }

  /** Called with the policy in force after every load that changed it. */
  onChange(listener: PolicyListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The health-mail port: called once per load that found the file bad. */
  onProblem(listener: (report: PolicyReport) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** Loads serialise: a change arriving mid-load is read after it, never interleaved. */
  load(): Promise<void> {
    this.loading = this.loading.then(() => this.loadNow());
    return this.loading;
  }

  watch(): void {
    watchFile(this.deps.path, { interval: this.deps.pollMs ?? 2000, persistent: false }, () => this.scheduleLoad());
  }

  close(): void {
    unwatchFile(this.deps.path);
    if (this.timer) clearTimeout(this.timer);
  }

  private scheduleLoad(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), this.deps.debounceMs ?? 500);
  }

  private async loadNow(): Promise<void> {
    const read = await readPolicyFile(this.deps.path);
    const now = this.deps.clock.now();
    if (read.kind === 'bad') return this.keepLastGood(read, now.toISOString());
    if (read.kind === 'missing') return this.apply(NO_POLICY, noPolicyReport(this.deps.path, now));
    await this.saveLastGood(read.policy);
    this.apply(read.policy, { path: this.deps.path, status: 'ok', inForce: 'file', version: read.policy.version, problems: [], checkedAt: now.toISOString() });
  }

  /** A data folder that cannot be written loses only the fallback, never the policy in force now. */
  private async saveLastGood(policy: Policy): Promise<void> {
    try {
      await writeJsonFileAtomic(this.lastGoodPath, policy);
    } catch (err) {
      this.deps.log.warn('policy.last-good-not-saved', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async keepLastGood(read: Extract<PolicyRead, { kind: 'bad' }>, checkedAt: string): Promise<void> {
    const lastGood = await readJsonFile(this.lastGoodPath, PolicySchema);
    const policy = lastGood.kind === 'ok' ? lastGood.value : NO_POLICY;
    const report: PolicyReport = { path: this.deps.path, status: 'bad', inForce: lastGood.kind === 'ok' ? 'last-good' : 'none', version: lastGood.kind === 'ok' ? policy.version : null, problems: read.problems, checkedAt };
    this.deps.log.error('policy.bad', { path: this.deps.path, inForce: report.inForce, problems: read.problems.map((p) => `${p.field ?? 'file'}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`).join('; ') });
    this.apply(policy, report);
    for (const listener of this.problemListeners) listener(report);
  }

  private apply(policy: Policy, report: PolicyReport): void {
    const changed = JSON.stringify(policy) !== JSON.stringify(this.policy);
    this.policy = policy;
    this.state = report;
    if (report.status === 'ok' && changed) this.deps.log.info('policy.applied', { path: this.deps.path, version: policy.version });
    for (const listener of this.changeListeners) listener(policy, report);
  }
}
