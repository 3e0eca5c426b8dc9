import type { FieldError } from '../../app/api.ts';

/**
 * One problem of a refused file: the line in the file (1 is the header row; null when it concerns
 * the whole file), the column (null when the line could not be read at all) and what is wrong.
 */
export type ImportProblem = { line: number | null; column: string | null; message: string };

/**
 * Reads the server's field paths — `rows.<line>.<column>`, `rows.<line>`, `header.<column>`, `file`
 * — into lines and columns, in file order and, within a line, in the register's column order.
 */
export function importProblems(errors: FieldError[], columnOrder: string[] = []): ImportProblem[] {
  const problems = errors.map((error): ImportProblem => {
    const row = /^rows\.(\d+)(?:\.(.+))?$/.exec(error.field);
    if (row) return { line: Number(row[1]), column: row[2] ?? null, message: error.message };
    const header = /^header\.(.+)$/.exec(error.field);
    if (header) return { line: 1, column: header[1]!, message: error.message };
    return { line: null, column: null, message: error.message };
  });
  const rank = (column: string | null) => {
    const at = column === null ? -1 : columnOrder.indexOf(column);
    return at === -1 && column !== null ? columnOrder.length : at;
  };
  return problems.sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      rank(a.column) - rank(b.column) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}

/** How many lines of the file have something wrong. */
export function badLineCount(problems: ImportProblem[]): number {
  return new Set(problems.filter((p) => p.line !== null && p.line > 1).map((p) => p.line)).size;
}
