/**
 * The disclosure rules (issue 15) on their own: Harrell-Davis weights worked by hand, the rounding grid,
 * and the SQL macros giving the same numbers as the rules module.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { disclosureRules } from '../../pipelines/contract/disclosure.ts';
import {
  harrellDavis,
  harrellDavisWeights,
  installDisclosure,
  logGamma,
  payGrid,
  publishPay,
  regularizedIncompleteBeta,
} from '../../pipelines/disclosure/rules.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('Harrell-Davis weights', () => {
  it('n = 5, median: a = b = 3, so I_x(3, 3) = P(Binomial(5, x) >= 3), worked by hand', () => {
    // I_x(3,3) = 10 x^3 (1-x)^2 + 5 x^4 (1-x) + x^5
    // x = 0.2: 10 * 0.008 * 0.64 + 5 * 0.0016 * 0.8 + 0.00032 = 0.0512 + 0.0064 + 0.00032 = 0.05792
    // x = 0.4: 10 * 0.064 * 0.36 + 5 * 0.0256 * 0.6 + 0.01024 = 0.2304 + 0.0768 + 0.01024 = 0.31744
    // x = 0.6, 0.8 by symmetry: 0.68256, 0.94208
    // W = differences: 0.05792, 0.31744 - 0.05792 = 0.25952, 0.68256 - 0.31744 = 0.36512, 0.25952, 0.05792
    const w = harrellDavisWeights(5, 0.5);
    [0.05792, 0.25952, 0.36512, 0.25952, 0.05792].forEach((expected, i) => expect(w[i]).toBeCloseTo(expected, 13));
  });

  it('n = 3, median: I_x(2, 2) = 3x^2 - 2x^3 gives 7/27, 13/27, 7/27', () => {
    // x = 1/3: 3/9 - 2/27 = 7/27; x = 2/3: 12/9 - 16/27 = 20/27
    const w = harrellDavisWeights(3, 0.5);
    [7 / 27, 13 / 27, 7 / 27].forEach((expected, i) => expect(w[i]).toBeCloseTo(expected, 14));
  });

  it('n = 5, P25 (a = 1.5, b = 4.5, not whole numbers) agrees with an integral of the Beta density', () => {
    // Independent: I_x(a, b) = ∫0^x t^(a-1) (1-t)^(b-1) dt / B(a, b); with t = u^2 the integrand
    // 2 u^(2a-1) (1-u^2)^(b-1) is smooth; Simpson's rule on 20 000 intervals.
    const a = 1.5;
    const b = 4.5;
    const beta = Math.exp(logGamma(a) + logGamma(b) - logGamma(a + b));
    const integral = (x: number) => {
      const steps = 20000;
      const h = Math.sqrt(x) / steps;
      const f = (u: number) => 2 * u ** (2 * a - 1) * (1 - u * u) ** (b - 1);
      let sum = f(0) + f(Math.sqrt(x));
      for (let k = 1; k < steps; k++) sum += (k % 2 ? 4 : 2) * f(k * h);
      return (sum * h) / 3 / beta;
    };
    const cdf = [0, 0.2, 0.4, 0.6, 0.8, 1].map((x) => (x === 0 ? 0 : x === 1 ? 1 : integral(x)));
    const w = harrellDavisWeights(5, 0.25);
    w.forEach((weight, i) => expect(weight).toBeCloseTo(cdf[i + 1]! - cdf[i]!, 9));
    // first weight 0.4507, the smallest value weighs most for P25; they sum to 1
    expect(w[0]).toBeCloseTo(0.4506955, 6);
    expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
    expect(regularizedIncompleteBeta(0.2, a, b)).toBeCloseTo(integral(0.2), 9);
  });

  it('weights of every size under exactFrom and every percentile sum to 1 and are positive', () => {
    for (let n = 1; n < disclosureRules.exactFrom; n++) {
      for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
        const w = harrellDavisWeights(n, q);
        expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        for (const weight of w) expect(weight).toBeGreaterThan(0);
      }
    }
  });

  it('the median of 60k, 70k, 80k, 90k, 150k is 82,896, not the middle salary 80,000', () => {
    // 0.05792 * 60000 + 0.25952 * 70000 + 0.36512 * 80000 + 0.25952 * 90000 + 0.05792 * 150000
    // = 3475.2 + 18166.4 + 29209.6 + 23356.8 + 8688 = 82896
    expect(harrellDavis([150000, 60000, 90000, 70000, 80000], 0.5)).toBeCloseTo(82896, 6);
  });
});

describe('the rounding grid', () => {
  it('is $1,000 under exactFrom (20) people and $100 from 20', () => {
    expect([payGrid(5), payGrid(19), payGrid(20), payGrid(500)]).toEqual([1000, 1000, 100, 100]);
    // 82896 -> 83000 in a cell of 5; 82900 in a cell of 20; 82449.99 -> 82000 / 82400; 82500 -> 83000 (half up)
    // 115499.99999999999 (a weighted sum for 115,500) -> 115500.00 in cents first -> 116000, whatever order it was added in
    expect([
      publishPay(82896, 5), publishPay(82896, 20), publishPay(82449.99, 19), publishPay(82449.99, 20), publishPay(82500, 5), publishPay(115499.99999999999, 6),
    ]).toEqual([83000, 82900, 82000, 82400, 83000, 116000]);
  });

  it('the SQL macros give the same figures and ratios, from the configured rules', async () => {
    const tmp = tempDir('hs-disclosure-');
    const warehouse = await openWarehouse(path.join(tmp.dir, 'w.duckdb'));
    try {
      await installDisclosure(warehouse, configSchema.parse({ pay: { minCell: 6, exactFrom: 10 } }));
      const row = await warehouse.maybeOne<Record<string, number | boolean>>(
        `SELECT hs_publish_pay(82896.0, 9) AS a, hs_publish_pay(115499.99999999999::DOUBLE, 6) AS m, hs_publish_pay(82896.0, 10) AS b, hs_publish_pay(82500.0, 5) AS c,
           hs_publish_market(112549.0) AS d, hs_publish_ratio(115500 / 112500) AS e,
           hs_enough(5) AS f, hs_enough(6) AS g, hs_too_close(12, 7) AS h, hs_too_close(12, 6) AS i, hs_too_close(12, 12) AS j,
           (SELECT count(*)::INTEGER FROM hs_hd_weights) AS k,
           (SELECT sum(w) FROM hs_hd_weights WHERE n = 5 AND pct = 50) AS l`,
      );
      // exactFrom 10: 9 people -> $1,000, 10 -> $100; market $100; 115500 / 112500 = 1.02667 -> 1.03
      // minCell 6: 12 vs 7 differ by 5 < 6 (too close), by 6 or 0 (fine)
      // weights: n = 1..9, 5 percentiles, n rows each: 5 * (1 + ... + 9) = 225
      expect(row).toEqual({ m: 116000, a: 83000, b: 82900, c: 83000, d: 112500, e: 1.03, f: false, g: true, h: true, i: false, j: false, k: 225, l: expect.closeTo(1, 12) });
    } finally {
      warehouse.close();
      tmp.cleanup();
    }
  });
});
