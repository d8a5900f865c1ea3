import type { Knex } from 'knex';
import type { CoverageSource } from '../../domain/coverage';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import { readProvisionChanges, type AllianceEntry, type AllianceProvision, type ChangedAlliance, type ProvisionsIndex } from '../queries/coverage';

/**
 * How much of the recent changes the store remembers for those catching up (see
 * ProvisionsIndex.changedSince), in provisions (~100 bytes each) plus one per change: ~10 MB. Older
 * ones are forgotten, and whoever would need them counts afresh.
 */
const LOG_WEIGHT = 100_000;

const weightOf = (entry: AllianceEntry | undefined) => {
  let weight = 1;
  if (entry) for (const list of entry.byService.values()) weight += list.length;
  return weight;
};

/**
 * Which Comuni receive which service through published alliances, kept in memory and brought up to
 * date change by change: the first refresh reads every alliance, each later one only those changed
 * since (see readProvisionChanges), so a save among 10,000 alliances reads one alliance's rows, on
 * this instance and on every other on the same database. A change to the service catalogue (which
 * says which services are fundamental) reads everything again. Refreshes run one at a time.
 */
export class ProvisionsStore {
  private readonly alliances = new Map<number, AllianceEntry>();
  /** Each alliance kept, with the transaction that had last changed it when read. */
  private readonly states = new Map<number, string>();
  private since: string | null = null;
  private catalogue = '';
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  /** The changes of the last generations, oldest first; those after `logFrom` are all there. */
  private log: { generation: number; id: number; entry: AllianceEntry | undefined; weight: number }[] = [];
  private logWeight = 0;
  private logFrom = 0;

  constructor(private readonly knex: Knex) {}

  /** The provisions as of now: what changed since the last refresh is read and applied first. */
  refresh(): Promise<ProvisionsIndex> {
    const run = this.queue.then(() => this.update());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async update(): Promise<ProvisionsIndex> {
    const known = (id: number, changedXid: string) => this.states.get(id) === changedXid;
    let changes = await readProvisionChanges(this.knex, this.since, known);
    let full = this.since === null;
    if (!full && changes.catalogue !== this.catalogue) {
      changes = await readProvisionChanges(this.knex, null);
      full = true;
    }
    if (full || changes.alliances.length > 0) this.generation++;
    if (full) {
      this.alliances.clear();
      this.states.clear();
      this.log = [];
      this.logWeight = 0;
      this.logFrom = this.generation;
    }
    for (const alliance of changes.alliances) {
      // Only alliances that provide something are kept (drafts and deleted ones may be many).
      const entry = alliance.provisions.length === 0 ? undefined : entryOf(alliance);
      if (!entry) {
        this.alliances.delete(alliance.id);
        this.states.delete(alliance.id);
      } else {
        this.alliances.set(alliance.id, entry);
        this.states.set(alliance.id, alliance.changedXid);
      }
      if (!full) {
        const weight = weightOf(entry);
        this.log.push({ generation: this.generation, id: alliance.id, entry, weight });
        this.logWeight += weight;
      }
    }
    if (this.logWeight > LOG_WEIGHT) {
      let drop = 0;
      while (this.logWeight > LOG_WEIGHT / 2 && drop < this.log.length) this.logWeight -= (this.log[drop++] as { weight: number }).weight;
      // A new array: indexes handed out earlier keep theirs. What is left of a generation cut in two is not enough.
      const kept = this.log.slice(drop);
      this.logFrom = kept[0]?.generation ?? this.generation;
      this.log = kept;
    }
    this.since = changes.next;
    this.catalogue = changes.catalogue;
    const generation = this.generation;
    const log = this.log;
    const logFrom = this.logFrom;
    return indexOf([...this.alliances.values()], generation, (since) => {
      if (since < logFrom || since > generation) return undefined;
      const latest = new Map<number, AllianceEntry | undefined>();
      for (const change of log) if (change.generation > since && change.generation <= generation) latest.set(change.id, change.entry);
      return [...latest].map(([id, entry]) => ({ id, entry }));
    });
  }
}

function entryOf(alliance: ChangedAlliance): AllianceEntry {
  const via: CoverageSource = { kind: 'alliance', id: alliance.id, name: alliance.name };
  const byService = new Map<string, AllianceProvision[]>();
  const fundamental: AllianceProvision[] = [];
  const fundamentalCodes = new Set<string>();
  // Read in code order: each list is too.
  for (const { service, fundamental: isFundamental, code } of alliance.provisions) {
    const provision: AllianceProvision = { code, allianceId: alliance.id, allianceName: alliance.name, via };
    let list = byService.get(service);
    if (!list) byService.set(service, (list = []));
    list.push(provision);
    // Any fundamental function: each Comune once, however many of them the alliance provides.
    if (isFundamental && !fundamentalCodes.has(code)) {
      fundamentalCodes.add(code);
      fundamental.push(provision);
    }
  }
  return { id: alliance.id, byService, fundamental };
}

/** A fixed view of the entries (later refreshes leave it be), each service's list built when first asked. */
function indexOf(entries: AllianceEntry[], generation: number, changedSince: ProvisionsIndex['changedSince']): ProvisionsIndex {
  // Insertion order is id order but for an alliance published again after a while.
  if (entries.some((e, i) => i > 0 && (entries[i - 1] as AllianceEntry).id > e.id)) entries.sort((a, b) => a.id - b.id);
  const lists = new Map<string, AllianceProvision[]>();
  return {
    generation,
    changedSince,
    alliances: () => entries,
    of: (service) => {
      let list = lists.get(service);
      if (!list) {
        list = [];
        for (const entry of entries) {
          const own = service === ANY_FUNDAMENTAL ? entry.fundamental : entry.byService.get(service);
          if (own) for (const p of own) list.push(p);
        }
        lists.set(service, list);
      }
      return list;
    },
  };
}
