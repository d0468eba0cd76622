/**
 * Seeded pseudo-random numbers for the sample-data generator. sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator) seeded through cyrb128, so any seed (and any tuple of labels) gives an independent,
 * reproducible stream. Never use Math.random() in the generator: output must be byte-identical per seed.
 */

/** cyrb128: a fast 128-bit string hash, used only to turn labels into sfc32 state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.#a, this.#b, this.#c, this.#d] = state;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks one of `items` with probability proportional to `weights` (same length, non-negative). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** Standard normal (Box-Muller, no cached spare so the stream stays simple to reason about). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** A generator whose stream depends only on the seed and the labels (e.g. `rngFor(42, 'job', 17)`). */
export function rngFor(seed: number | string, ...labels: readonly (string | number)[]): Rng {
  return new Rng(cyrb128([String(seed), ...labels.map(String)].join('\u001f')));
}

/** A precomputed weighted choice, for tables drawn from in hot loops. */
export class Choice<T> {
  readonly #items: readonly T[];
  readonly #cumulative: readonly number[];
  readonly #total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const cumulative: number[] = [];
    let total = 0;
    for (const [, w] of entries) {
      total += w;
      cumulative.push(total);
    }
    this.#items = entries.map((e) => e[0]);
    this.#cumulative = cumulative;
    this.#total = total;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.#total;
    const c = this.#cumulative;
    for (let i = 0; i < c.length; i++) if (r < (c[i] as number)) return this.#items[i] as T;
    return this.#items[this.#items.length - 1] as T;
  }
}
