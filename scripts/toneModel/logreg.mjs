// Deterministic multinomial logistic regression with L2: full-batch AdaGrad, fixed iterations, zero start,
// examples and features in a fixed order, no randomness. Sparse inputs: [{ idx: Int32Array, val: Float64Array }].

export function train(xs, ys, nFeatures, nClasses, { l2 = 1e-3, iterations = 300, rate = 0.5 } = {}) {
  const W = new Float64Array(nFeatures * nClasses);
  const B = new Float64Array(nClasses);
  const G2 = new Float64Array(nFeatures * nClasses);
  const Gb2 = new Float64Array(nClasses);
  const grad = new Float64Array(nFeatures * nClasses);
  const gb = new Float64Array(nClasses);
  const p = new Float64Array(nClasses);
  const n = xs.length;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      scores(W, B, xs[i], nClasses, p);
      softmaxInPlace(p);
      p[ys[i]] -= 1;
      const { idx, val } = xs[i];
      for (let k = 0; k < idx.length; k++) {
        const base = idx[k] * nClasses;
        for (let c = 0; c < nClasses; c++) grad[base + c] += p[c] * val[k];
      }
      for (let c = 0; c < nClasses; c++) gb[c] += p[c];
    }
    for (let j = 0; j < W.length; j++) {
      const g = grad[j] / n + l2 * W[j];
      if (g === 0) continue;
      G2[j] += g * g;
      W[j] -= (rate * g) / Math.sqrt(G2[j]);
    }
    for (let c = 0; c < nClasses; c++) {
      const g = gb[c] / n;
      Gb2[c] += g * g;
      if (Gb2[c] > 0) B[c] -= (rate * g) / Math.sqrt(Gb2[c]);
    }
  }
  return { W, B, nClasses };
}

function scores(W, B, x, nClasses, out) {
  for (let c = 0; c < nClasses; c++) out[c] = B[c];
  const { idx, val } = x;
  for (let k = 0; k < idx.length; k++) {
    const base = idx[k] * nClasses;
    for (let c = 0; c < nClasses; c++) out[c] += W[base + c] * val[k];
  }
  return out;
}

function softmaxInPlace(p) {
  let max = -Infinity;
  for (const v of p) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < p.length; c++) {
    p[c] = Math.exp(p[c] - max);
    sum += p[c];
  }
  for (let c = 0; c < p.length; c++) p[c] /= sum;
  return p;
}

export function predict(model, x) {
  const p = new Float64Array(model.nClasses);
  return Array.from(softmaxInPlace(scores(model.W, model.B, x, model.nClasses, p)));
}
