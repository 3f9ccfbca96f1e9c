/**
 * Criterion results shared between assessments (共享结果). In a batch most 高企 criteria (scored
 * items, management items, the IP and field conditions, the innovation total …) come out the same
 * for many firms, and keeping one copy per assessment was most of the ≈ 6.8 KB each result held
 * (garbage-collector copying dominated `assessMany` of 100,000). A rule set keeps one cache per
 * criterion, keyed by the few small numbers its result depends on; a cached result is frozen with
 * its texts rendered once, so no assessment can change what another one shows.
 */
import type { Bilingual } from '@kechuang/domain';
import { LazyText, staticText } from './lazyText.ts';
import type { CriterionResult } from './types.ts';

/** Cached results per cache at most: the keys are small, but never let a cache grow without bound. */
const DEFAULT_LIMIT = 20_000;

/** A frozen copy of a text: lazy texts are rendered now (static ones are already frozen). */
function frozenText(text: Bilingual): Bilingual {
  if (text instanceof LazyText) return staticText(text.zh, text.en);
  return Object.isFrozen(text) ? text : staticText(text.zh, text.en);
}

/**
 * Freezes a freshly built result in place (so its keys keep their order) with every text rendered;
 * its score range is its own or already frozen. Results with `readings` are not shared.
 */
function freezeResult(r: CriterionResult): CriterionResult {
  r.detail = frozenText(r.detail);
  if (r.note) r.note = frozenText(r.note);
  if (r.score) Object.freeze(r.score);
  if (r.gap) r.gap = Object.freeze({ ...r.gap, text: frozenText(r.gap.text) });
  return Object.freeze(r);
}

/**
 * Frozen criterion results by key: `get(key)` returns the result kept under `key`, else
 * `keep(key, result)` freezes a freshly built result and keeps it. The key must determine the
 * result completely (every figure the builder reads); an `undefined` key (figures that do not fit
 * a small key) finds nothing and keeps nothing, so `get(k) ?? keep(k, build())` reads the same for
 * both. (No callback: a closure per call costs more than the lookup saves.)
 */
export class ResultCache<K> {
  readonly #results = new Map<K, CriterionResult>();
  readonly #limit: number;

  constructor(limit = DEFAULT_LIMIT) {
    this.#limit = limit;
  }

  /** The shared (frozen) result kept under `key`, if any. */
  get(key: K | undefined): CriterionResult | undefined {
    return key === undefined ? undefined : this.#results.get(key);
  }

  /**
   * Freezes `result` (new, without `readings`) with its texts rendered and keeps it under `key`.
   * Without a key, or once the cache is full, returns `result` itself (unshared, texts still lazy).
   */
  keep(key: K | undefined, result: CriterionResult): CriterionResult {
    if (key === undefined || this.#results.size >= this.#limit) return result;
    const r = freezeResult(result);
    this.#results.set(key, r);
    return r;
  }

  /** Forgets every result (when something the keys leave out, such as the date, changes). */
  clear(): void {
    this.#results.clear();
  }
}

/** `point + 1` for an integer point 0–30 and 0 for no point; `undefined` when it cannot be a key. */
export function pointKey(point: number | undefined): number | undefined {
  if (point === undefined) return 0;
  return Number.isInteger(point) && point >= 0 && point <= 30 ? point + 1 : undefined;
}
