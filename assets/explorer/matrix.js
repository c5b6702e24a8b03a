/* Matrices for tiny networks: row-major Float64Array with its shape.
 * A matrix is {rows, cols, data}; entry (r, c) is data[r * cols + c].
 * Sums run over the shared index in ascending order, as numpy's einsum does for these sizes. */
(function (XL) {
  "use strict";

  function zeros(rows, cols) {
    return { rows: rows, cols: cols, data: new Float64Array(rows * cols) };
  }

  function fromRows(list) {
    var m = zeros(list.length, list[0].length);
    list.forEach(function (row, r) {
      row.forEach(function (v, c) { m.data[r * m.cols + c] = v; });
    });
    return m;
  }

  function toRows(m) {
    var out = [];
    for (var r = 0; r < m.rows; r++) out.push(Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
    return out;
  }

  function copy(m) {
    return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
  }

  /* A (n, i) times W (i, j): (n, j). */
  function matmul(A, W) {
    var out = zeros(A.rows, W.cols);
    for (var n = 0; n < A.rows; n++) {
      for (var j = 0; j < W.cols; j++) {
        var s = 0;
        for (var i = 0; i < A.cols; i++) s += A.data[n * A.cols + i] * W.data[i * W.cols + j];
        out.data[n * W.cols + j] = s;
      }
    }
    return out;
  }

  /* A^T D for A (n, i), D (n, j): (i, j), the weight gradient. */
  function tmatmul(A, D) {
    var out = zeros(A.cols, D.cols);
    for (var i = 0; i < A.cols; i++) {
      for (var j = 0; j < D.cols; j++) {
        var s = 0;
        for (var n = 0; n < A.rows; n++) s += A.data[n * A.cols + i] * D.data[n * D.cols + j];
        out.data[i * D.cols + j] = s;
      }
    }
    return out;
  }

  /* D W^T for D (n, j), W (i, j): (n, i), an error sent back through W. */
  function matmult(D, W) {
    var out = zeros(D.rows, W.rows);
    for (var n = 0; n < D.rows; n++) {
      for (var i = 0; i < W.rows; i++) {
        var s = 0;
        for (var j = 0; j < W.cols; j++) s += D.data[n * D.cols + j] * W.data[i * W.cols + j];
        out.data[n * W.rows + i] = s;
      }
    }
    return out;
  }

  /* Column sums of M (n, j): a (1, j) matrix. */
  function colSums(M) {
    var out = zeros(1, M.cols);
    for (var n = 0; n < M.rows; n++) {
      for (var j = 0; j < M.cols; j++) out.data[j] += M.data[n * M.cols + j];
    }
    return out;
  }

  /* M (n, j) plus the row b (1, j) on every row, in place; returns M. */
  function addRow(M, b) {
    for (var n = 0; n < M.rows; n++) {
      for (var j = 0; j < M.cols; j++) M.data[n * M.cols + j] += b.data[j];
    }
    return M;
  }

  /* f applied to each entry (with the entry of each further matrix as more arguments). */
  function map(f, M) {
    var others = Array.prototype.slice.call(arguments, 2);
    var out = zeros(M.rows, M.cols);
    for (var k = 0; k < M.data.length; k++) {
      out.data[k] = others.length === 0 ? f(M.data[k])
        : others.length === 1 ? f(M.data[k], others[0].data[k])
        : f(M.data[k], others[0].data[k], others[1].data[k]);
    }
    return out;
  }

  function mul(A, B) { return map(function (a, b) { return a * b; }, A, B); }

  function scale(M, s) { return map(function (a) { return s * a; }, M); }

  /* The sum of every entry, row by row. */
  function total(M) {
    var s = 0;
    for (var k = 0; k < M.data.length; k++) s += M.data[k];
    return s;
  }

  /* Rows r0 .. r1 - 1 of M. */
  function rowsOf(M, r0, r1) {
    return { rows: r1 - r0, cols: M.cols, data: M.data.slice(r0 * M.cols, r1 * M.cols) };
  }

  XL.matrix = {
    zeros: zeros, fromRows: fromRows, toRows: toRows, copy: copy, matmul: matmul,
    tmatmul: tmatmul, matmult: matmult, colSums: colSums, addRow: addRow, map: map, mul: mul,
    scale: scale, total: total, rowsOf: rowsOf,
  };
})(globalThis.XL = globalThis.XL || {});
