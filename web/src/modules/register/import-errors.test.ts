import { describe, expect, it } from 'vitest';
import { badLineCount, importProblems } from './import-errors.ts';

describe('importProblems', () => {
  it('reads rows, header and whole-file errors into lines and columns, in file and column order', () => {
    const problems = importProblems(
      [
        { field: 'rows.7.Postnr', message: 'Fem siffror, t.ex. 123 45' },
        { field: 'rows.3.Utrymme', message: 'Obligatoriskt fält' },
        { field: 'rows.3.Objektnummer', message: 'Okänt objekt' },
        { field: 'header.Enhet', message: 'Kolumnen "Enhet" saknas' },
        { field: 'rows.12', message: 'Filen går inte att läsa som CSV här' },
        { field: 'file', message: 'Filen är tom' },
      ],
      ['Objektnummer', 'Utrymme', 'Kod', 'Enhet', 'Postnr'],
    );
    expect(problems).toEqual([
      { line: null, column: null, message: 'Filen är tom' },
      { line: 1, column: 'Enhet', message: 'Kolumnen "Enhet" saknas' },
      { line: 3, column: 'Objektnummer', message: 'Okänt objekt' },
      { line: 3, column: 'Utrymme', message: 'Obligatoriskt fält' },
      { line: 7, column: 'Postnr', message: 'Fem siffror, t.ex. 123 45' },
      { line: 12, column: null, message: 'Filen går inte att läsa som CSV här' },
    ]);
    expect(badLineCount(problems)).toBe(3);
  });

  it('keeps a column name that itself has dots or slashes whole', () => {
    expect(importProblems([{ field: 'rows.4.Telefon övrig/SMS', message: 'x' }])).toEqual([
      { line: 4, column: 'Telefon övrig/SMS', message: 'x' },
    ]);
  });
});
